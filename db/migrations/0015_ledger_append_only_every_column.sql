-- The ledger stays append-only whatever its columns: an update may change only the enterprise's
-- answer (enterprise_response, enterprise_note); every other column, present or added later,
-- including a reversal's reason, is compared. TRUNCATE, which skips row triggers, is refused too.
CREATE OR REPLACE FUNCTION recoveries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF (to_jsonb(NEW) - 'enterprise_response' - 'enterprise_note') = (to_jsonb(OLD) - 'enterprise_response' - 'enterprise_note') THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'recovery ledger entries cannot be changed or deleted' USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER recoveries_no_truncate BEFORE TRUNCATE ON recoveries
  FOR EACH STATEMENT EXECUTE FUNCTION recoveries_refuse_change();
