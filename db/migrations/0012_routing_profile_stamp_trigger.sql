-- Every write to a routing profile stamps the row with the writing transaction and one more
-- revision. Writes to one expert's row are serialised (the per-expert routing lock and the row lock),
-- so a later committed version always has a higher revision. Ranking keeps the profiles in memory
-- and asks only for rows written since its last snapshot (lib/routing/routing-snapshot.ts).
CREATE FUNCTION expert_routing_profile_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.written_xid := pg_current_xact_id();
  NEW.revision := CASE WHEN TG_OP = 'UPDATE' THEN OLD.revision + 1 ELSE 1 END;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER expert_routing_profiles_stamp BEFORE INSERT OR UPDATE ON expert_routing_profiles
  FOR EACH ROW EXECUTE FUNCTION expert_routing_profile_stamp();
