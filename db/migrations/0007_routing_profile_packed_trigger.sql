-- The packed line of a routing profile: what scoring reads, in this order, '|' between fields and
-- ';' inside lists (lib/routing/candidate-rows.ts parsed it). Set from the row's own columns on
-- every write, so it can never disagree with them. Dropped again by 0010: candidate-rows.ts now
-- reads the columns themselves (profileColumns).
--   expert_id|capacity|active_cases|pending_offers|offers_accepted|offers_declined|offers_expired|
--   cases_resolved|cases_reassigned|rating_sum|rating_count|rotation_heat|rotation_at (epoch ms)|
--   home_region_code|served_regions|specialties|languages|service_modes
CREATE FUNCTION expert_routing_profile_pack() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.packed := concat_ws('|',
    NEW.expert_id, NEW.capacity, NEW.active_cases, NEW.pending_offers, NEW.offers_accepted, NEW.offers_declined,
    NEW.offers_expired, NEW.cases_resolved, NEW.cases_reassigned, NEW.rating_sum, NEW.rating_count, NEW.rotation_heat,
    coalesce((extract(epoch FROM NEW.rotation_at) * 1000)::bigint::text, ''), NEW.home_region_code,
    array_to_string(NEW.served_regions, ';'), array_to_string(NEW.specialties, ';'),
    array_to_string(NEW.languages, ';'), array_to_string(NEW.service_modes, ';'));
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER expert_routing_profiles_pack BEFORE INSERT OR UPDATE ON expert_routing_profiles
  FOR EACH ROW EXECUTE FUNCTION expert_routing_profile_pack();
--> statement-breakpoint
UPDATE expert_routing_profiles SET packed = '' WHERE true;
