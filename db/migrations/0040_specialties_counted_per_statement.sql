-- A filing adds its specialties in one statement, and each row used to fire two row triggers: the
-- rollups' (the request read again, its contributions computed, one upsert per specialty) and the
-- acceptance times' (a delete and an insert, with the counts' statement triggers, for a request not
-- yet accepted). Now the specialties a statement adds are counted in one trigger call: per request,
-- its contributions once and one upsert for all its new specialties; acceptance times are refreshed
-- only for requests already accepted (none, when filing). Updates and deletes keep their row triggers.
DROP TRIGGER report_rollups_request_specialty ON request_specialties;
--> statement-breakpoint
DROP TRIGGER report_accept_request_specialty ON request_specialties;
--> statement-breakpoint
CREATE TRIGGER report_rollups_request_specialty AFTER UPDATE OR DELETE ON request_specialties
  FOR EACH ROW EXECUTE FUNCTION report_rollups_on_request_specialty();
--> statement-breakpoint
CREATE TRIGGER report_accept_request_specialty AFTER UPDATE OR DELETE ON request_specialties
  FOR EACH ROW EXECUTE FUNCTION report_accept_on_request_specialty();
--> statement-breakpoint
CREATE FUNCTION report_on_request_specialties_added() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT q.id, q.region_code, q.status, q.submitted_at, q.resolved_at, q.accepted_at,
      array_agg(a.specialty_code ORDER BY a.specialty_code) AS codes
    FROM added a JOIN requests q ON q.id = a.request_id
    GROUP BY q.id
    ORDER BY q.id
  LOOP
    PERFORM report_rollup_add(array_fill('specialty'::text, ARRAY[cardinality(r.codes)]), r.codes, left(r.region_code, 6), c.month,
      c.requests_filed, c.requests_resolved, c.disputes_opened, c.disputes_resolved, c.claimed_fen, c.recovered_fen)
    FROM report_request_contributions(r.id, r.submitted_at, r.status, r.resolved_at) c;
    IF r.accepted_at IS NOT NULL THEN
      PERFORM report_accept_refresh(r.id);
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_request_specialties_added AFTER INSERT ON request_specialties
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION report_on_request_specialties_added();
