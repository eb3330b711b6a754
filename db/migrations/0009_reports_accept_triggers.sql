-- report_accept_times: one row per accepted request and report dimension, rewritten by triggers in
-- the same transaction as every change of a request's acceptance, dates, dimensions or specialties.
-- Exactly the requests' current state, so percentiles read from it equal those of the requests table.

CREATE FUNCTION report_accept_refresh(p_request_id uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_accept_times WHERE request_id = p_request_id;
  INSERT INTO report_accept_times (request_id, dimension, key, county, submitted_at, seconds)
  SELECT q.id, d.dimension, d.key, left(q.region_code, 6), q.submitted_at, extract(epoch from (q.accepted_at - q.submitted_at))::double precision
  FROM requests q
  CROSS JOIN LATERAL (
    SELECT v.dimension, v.key FROM (VALUES
      ('all', ''), ('month', to_char(report_month(q.submitted_at), 'YYYY-MM')), ('region', q.region_code), ('channel', q.channel::text),
      ('station', coalesce(q.station_id::text, '')), ('expert', coalesce(q.assigned_expert_id::text, ''))
    ) AS v(dimension, key)
    UNION ALL
    SELECT 'specialty', rs.specialty_code FROM request_specialties rs WHERE rs.request_id = q.id
  ) AS d
  WHERE q.id = p_request_id AND q.accepted_at IS NOT NULL;
$$;
--> statement-breakpoint
CREATE FUNCTION report_accept_on_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_accept_refresh(NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_accept_request_insert AFTER INSERT ON requests
  FOR EACH ROW WHEN (NEW.accepted_at IS NOT NULL) EXECUTE FUNCTION report_accept_on_request();
--> statement-breakpoint
CREATE TRIGGER report_accept_request_update AFTER UPDATE ON requests
  FOR EACH ROW WHEN (
    OLD.accepted_at IS DISTINCT FROM NEW.accepted_at OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at
    OR OLD.region_code IS DISTINCT FROM NEW.region_code OR OLD.channel IS DISTINCT FROM NEW.channel
    OR OLD.station_id IS DISTINCT FROM NEW.station_id OR OLD.assigned_expert_id IS DISTINCT FROM NEW.assigned_expert_id
  ) EXECUTE FUNCTION report_accept_on_request();
--> statement-breakpoint
CREATE FUNCTION report_accept_on_request_specialty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM report_accept_refresh(OLD.request_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.request_id IS DISTINCT FROM OLD.request_id) THEN
    PERFORM report_accept_refresh(NEW.request_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_accept_request_specialty AFTER INSERT OR UPDATE OR DELETE ON request_specialties
  FOR EACH ROW EXECUTE FUNCTION report_accept_on_request_specialty();
--> statement-breakpoint
-- Recomputes the whole table from the requests (the backfill below; bulk loads).
CREATE FUNCTION report_accept_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_accept_times WHERE true;
  INSERT INTO report_accept_times (request_id, dimension, key, county, submitted_at, seconds)
  SELECT q.id, d.dimension, d.key, left(q.region_code, 6), q.submitted_at, extract(epoch from (q.accepted_at - q.submitted_at))::double precision
  FROM requests q
  CROSS JOIN LATERAL (VALUES
    ('all', ''), ('month', to_char(report_month(q.submitted_at), 'YYYY-MM')), ('region', q.region_code), ('channel', q.channel::text),
    ('station', coalesce(q.station_id::text, '')), ('expert', coalesce(q.assigned_expert_id::text, ''))
  ) AS d(dimension, key)
  WHERE q.accepted_at IS NOT NULL
  UNION ALL
  SELECT q.id, 'specialty', rs.specialty_code, left(q.region_code, 6), q.submitted_at, extract(epoch from (q.accepted_at - q.submitted_at))::double precision
  FROM requests q JOIN request_specialties rs ON rs.request_id = q.id
  WHERE q.accepted_at IS NOT NULL;
$$;
--> statement-breakpoint
SELECT report_accept_rebuild();
--> statement-breakpoint
CREATE INDEX report_accept_times_period_idx ON report_accept_times (dimension, submitted_at) INCLUDE (key, county, seconds);
--> statement-breakpoint
-- Satisfaction over a period: ratings of the requests closed in it, and the return visits made in it.
CREATE INDEX requests_report_closed_idx ON requests (closed_at) INCLUDE (rating, region_code) WHERE rating IS NOT NULL;
--> statement-breakpoint
CREATE INDEX return_visits_report_visited_idx ON return_visits (visited_on) INCLUDE (satisfaction, request_id);
