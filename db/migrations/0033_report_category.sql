-- Report rollups and acceptance times gain the dimension "category" (the request's category of
-- work), kept exact by the same triggers as the other dimensions: a change of a request's category
-- (a triage correction) moves its whole contribution from the old category to the new one, as a
-- reassignment moves it between experts. The functions of 0003 and 0009 are redefined with the
-- category, and both tables are rebuilt from the ledger (the backfill).
-- The "outcome" grouping is not rolled up: a request's outcome depends on its disputes' states
-- (lib/reports/outcome.ts) and is computed from the requests, disputes and ledger directly.

DROP FUNCTION report_rollup_apply_request(uuid, text, text, uuid, uuid, request_status, timestamptz, timestamptz, integer, text);
--> statement-breakpoint
DROP FUNCTION report_request_dimensions(uuid, text, text, uuid, uuid, text);
--> statement-breakpoint
CREATE FUNCTION report_request_dimensions(
  p_request_id uuid, p_region text, p_channel text, p_station uuid, p_expert uuid, p_status text, p_category text,
  OUT dimensions text[], OUT keys text[]
) LANGUAGE sql STABLE AS $$
  SELECT
    ARRAY['all', 'region', 'channel', 'station', 'expert', 'status', 'category']
      || coalesce(array_agg('specialty'::text ORDER BY rs.specialty_code), '{}'::text[]),
    ARRAY['', p_region, p_channel, coalesce(p_station::text, ''), coalesce(p_expert::text, ''), p_status, p_category]
      || coalesce(array_agg(rs.specialty_code ORDER BY rs.specialty_code), '{}'::text[])
  FROM request_specialties rs
  WHERE rs.request_id = p_request_id
$$;
--> statement-breakpoint
CREATE FUNCTION report_rollup_apply_request(
  p_request_id uuid, p_region text, p_channel text, p_station uuid, p_expert uuid, p_status request_status, p_category text,
  p_submitted_at timestamptz, p_resolved_at timestamptz, p_sign integer, p_specialty_only text DEFAULT NULL
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_dimensions text[];
  v_keys text[];
  c record;
BEGIN
  IF p_specialty_only IS NULL THEN
    SELECT d.dimensions, d.keys INTO v_dimensions, v_keys
    FROM report_request_dimensions(p_request_id, p_region, p_channel, p_station, p_expert, p_status::text, p_category) d;
  ELSE
    v_dimensions := ARRAY['specialty'];
    v_keys := ARRAY[p_specialty_only];
  END IF;
  FOR c IN SELECT * FROM report_request_contributions(p_request_id, p_submitted_at, p_status, p_resolved_at) LOOP
    PERFORM report_rollup_add(v_dimensions, v_keys, left(p_region, 6), c.month,
      p_sign * c.requests_filed, p_sign * c.requests_resolved, p_sign * c.disputes_opened,
      p_sign * c.disputes_resolved, p_sign * c.claimed_fen, p_sign * c.recovered_fen);
  END LOOP;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_rollup_add_for_request(
  p_request_id uuid, p_month date, p_disputes_opened bigint, p_disputes_resolved bigint, p_claimed_fen bigint, p_recovered_fen bigint
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r record;
  v_dimensions text[];
  v_keys text[];
BEGIN
  SELECT q.region_code, q.channel, q.station_id, q.assigned_expert_id, q.status, q.category INTO r FROM requests q WHERE q.id = p_request_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  SELECT d.dimensions, d.keys INTO v_dimensions, v_keys
  FROM report_request_dimensions(p_request_id, r.region_code, r.channel::text, r.station_id, r.assigned_expert_id, r.status::text, r.category::text) d;
  PERFORM report_rollup_add(v_dimensions, v_keys, left(r.region_code, 6), p_month, 0, 0,
    p_disputes_opened, p_disputes_resolved, p_claimed_fen, p_recovered_fen);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_rollups_on_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM report_rollup_apply_request(OLD.id, OLD.region_code, OLD.channel::text, OLD.station_id, OLD.assigned_expert_id,
      OLD.status, OLD.category::text, OLD.submitted_at, OLD.resolved_at, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM report_rollup_apply_request(NEW.id, NEW.region_code, NEW.channel::text, NEW.station_id, NEW.assigned_expert_id,
      NEW.status, NEW.category::text, NEW.submitted_at, NEW.resolved_at, 1);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER report_rollups_request_update ON requests;
--> statement-breakpoint
CREATE TRIGGER report_rollups_request_update AFTER UPDATE ON requests
  FOR EACH ROW WHEN (
    OLD.region_code IS DISTINCT FROM NEW.region_code OR OLD.channel IS DISTINCT FROM NEW.channel
    OR OLD.station_id IS DISTINCT FROM NEW.station_id OR OLD.assigned_expert_id IS DISTINCT FROM NEW.assigned_expert_id
    OR OLD.status IS DISTINCT FROM NEW.status OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at
    OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at OR OLD.category IS DISTINCT FROM NEW.category
  ) EXECUTE FUNCTION report_rollups_on_request();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_rollups_on_request_specialty() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT q.id, q.region_code, q.channel, q.station_id, q.assigned_expert_id, q.status, q.category, q.submitted_at, q.resolved_at INTO r
    FROM requests q WHERE q.id = OLD.request_id;
    IF FOUND THEN
      PERFORM report_rollup_apply_request(r.id, r.region_code, r.channel::text, r.station_id, r.assigned_expert_id,
        r.status, r.category::text, r.submitted_at, r.resolved_at, -1, OLD.specialty_code);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT q.id, q.region_code, q.channel, q.station_id, q.assigned_expert_id, q.status, q.category, q.submitted_at, q.resolved_at INTO r
    FROM requests q WHERE q.id = NEW.request_id;
    IF FOUND THEN
      PERFORM report_rollup_apply_request(r.id, r.region_code, r.channel::text, r.station_id, r.assigned_expert_id,
        r.status, r.category::text, r.submitted_at, r.resolved_at, 1, NEW.specialty_code);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_rollups_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_rollups WHERE true;
  WITH contributions AS (
    SELECT x.request_id, x.m, sum(x.f)::bigint AS f, sum(x.rr)::bigint AS rr, sum(x.o)::bigint AS o,
      sum(x.dr)::bigint AS dr, sum(x.c)::bigint AS c, sum(x.rf)::bigint AS rf
    FROM (
      SELECT q.id AS request_id, report_month(q.submitted_at) AS m, 1 AS f, 0 AS rr, 0 AS o, 0 AS dr, 0::bigint AS c, 0::bigint AS rf
      FROM requests q
      UNION ALL
      SELECT q.id, report_month(q.resolved_at), 0, 1, 0, 0, 0, 0 FROM requests q
      WHERE q.resolved_at IS NOT NULL AND q.status IN ('resolved', 'closed')
      UNION ALL
      SELECT d.request_id, report_month(d.opened_at), 0, 0, 1, 0, d.claimed_fen, 0 FROM disputes d
      UNION ALL
      SELECT d.request_id, report_month(d.closed_at), 0, 0, 0, 1, 0, 0 FROM disputes d
      WHERE d.status = 'resolved' AND d.closed_at IS NOT NULL
      UNION ALL
      SELECT r.request_id, date_trunc('month', r.received_on)::date, 0, 0, 0, 0, 0, r.amount_fen FROM recoveries r
    ) x
    GROUP BY x.request_id, x.m
  ),
  dimension_keys AS (
    SELECT q.id AS request_id, left(q.region_code, 6) AS county, d.dimension, d.key
    FROM requests q
    CROSS JOIN LATERAL (VALUES
      ('all', ''), ('region', q.region_code), ('channel', q.channel::text), ('station', coalesce(q.station_id::text, '')),
      ('expert', coalesce(q.assigned_expert_id::text, '')), ('status', q.status::text), ('category', q.category::text)
    ) AS d(dimension, key)
    UNION ALL
    SELECT rs.request_id, left(q.region_code, 6), 'specialty', rs.specialty_code
    FROM request_specialties rs JOIN requests q ON q.id = rs.request_id
  )
  INSERT INTO report_rollups (dimension, key, month, county, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT k.dimension, k.key, c.m, k.county, sum(c.f)::bigint, sum(c.rr)::bigint, sum(c.o)::bigint, sum(c.dr)::bigint, sum(c.c)::bigint, sum(c.rf)::bigint
  FROM contributions c JOIN dimension_keys k ON k.request_id = c.request_id
  GROUP BY k.dimension, k.key, c.m, k.county;
$$;
--> statement-breakpoint
SELECT report_rollups_rebuild();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_accept_refresh(p_request_id uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_accept_times WHERE request_id = p_request_id;
  INSERT INTO report_accept_times (request_id, dimension, key, county, submitted_at, seconds)
  SELECT q.id, d.dimension, d.key, left(q.region_code, 6), q.submitted_at, extract(epoch from (q.accepted_at - q.submitted_at))::double precision
  FROM requests q
  CROSS JOIN LATERAL (
    SELECT v.dimension, v.key FROM (VALUES
      ('all', ''), ('month', to_char(report_month(q.submitted_at), 'YYYY-MM')), ('region', q.region_code), ('channel', q.channel::text),
      ('station', coalesce(q.station_id::text, '')), ('expert', coalesce(q.assigned_expert_id::text, '')), ('category', q.category::text)
    ) AS v(dimension, key)
    UNION ALL
    SELECT 'specialty', rs.specialty_code FROM request_specialties rs WHERE rs.request_id = q.id
  ) AS d
  WHERE q.id = p_request_id AND q.accepted_at IS NOT NULL;
$$;
--> statement-breakpoint
DROP TRIGGER report_accept_request_update ON requests;
--> statement-breakpoint
CREATE TRIGGER report_accept_request_update AFTER UPDATE ON requests
  FOR EACH ROW WHEN (
    OLD.accepted_at IS DISTINCT FROM NEW.accepted_at OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at
    OR OLD.region_code IS DISTINCT FROM NEW.region_code OR OLD.channel IS DISTINCT FROM NEW.channel
    OR OLD.station_id IS DISTINCT FROM NEW.station_id OR OLD.assigned_expert_id IS DISTINCT FROM NEW.assigned_expert_id
    OR OLD.category IS DISTINCT FROM NEW.category
  ) EXECUTE FUNCTION report_accept_on_request();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_accept_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_accept_times WHERE true;
  INSERT INTO report_accept_times (request_id, dimension, key, county, submitted_at, seconds)
  SELECT q.id, d.dimension, d.key, left(q.region_code, 6), q.submitted_at, extract(epoch from (q.accepted_at - q.submitted_at))::double precision
  FROM requests q
  CROSS JOIN LATERAL (VALUES
    ('all', ''), ('month', to_char(report_month(q.submitted_at), 'YYYY-MM')), ('region', q.region_code), ('channel', q.channel::text),
    ('station', coalesce(q.station_id::text, '')), ('expert', coalesce(q.assigned_expert_id::text, '')), ('category', q.category::text)
  ) AS d(dimension, key)
  WHERE q.accepted_at IS NOT NULL
  UNION ALL
  SELECT q.id, 'specialty', rs.specialty_code, left(q.region_code, 6), q.submitted_at, extract(epoch from (q.accepted_at - q.submitted_at))::double precision
  FROM requests q JOIN request_specialties rs ON rs.request_id = q.id
  WHERE q.accepted_at IS NOT NULL;
$$;
--> statement-breakpoint
SELECT report_accept_rebuild();
