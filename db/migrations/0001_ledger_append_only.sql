-- The recovery ledger is append-only: corrections are reversing entries, never edits or deletes.
CREATE FUNCTION recoveries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.amount_fen = OLD.amount_fen AND NEW.dispute_id = OLD.dispute_id
     AND NEW.request_id = OLD.request_id AND NEW.received_on = OLD.received_on AND NEW.method = OLD.method
     AND NEW.note = OLD.note AND NEW.reverses_id IS NOT DISTINCT FROM OLD.reverses_id
     AND NEW.recorded_by = OLD.recorded_by AND NEW.recorded_at = OLD.recorded_at THEN
    -- only the enterprise's confirmation or query may be added to an entry
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'recovery ledger entries cannot be changed or deleted' USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER recoveries_append_only BEFORE UPDATE OR DELETE ON recoveries
  FOR EACH ROW EXECUTE FUNCTION recoveries_refuse_change();
