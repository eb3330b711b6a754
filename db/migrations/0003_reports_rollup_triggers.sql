-- Report rollups (table report_rollups) kept exact by triggers, in the same transaction as every
-- write to requests, request_specialties, disputes and recoveries, whatever code makes the write.
-- Invariant: for every (dimension, key, month, county) the row holds the sum, over the requests whose
-- CURRENT dimension value is that key, of what they contribute to that month:
--   requests_filed     1 in the month of submitted_at
--   requests_resolved  1 in the month of resolved_at, while the request is resolved or closed
--   disputes_opened    1 per dispute (claimed_fen its claim) in the month of opened_at
--   disputes_resolved  1 per dispute with status 'resolved' in the month of closed_at
--   recovered_fen      every ledger entry (reversals are negative) in the month of received_on
-- Months are calendar months in Asia/Shanghai. A change of a request's dimensions (reassignment,
-- status, region, specialties) moves its whole contribution from the old keys to the new ones.

CREATE FUNCTION report_month(ts timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_trunc('month', ts AT TIME ZONE 'Asia/Shanghai')::date
$$;
--> statement-breakpoint
CREATE FUNCTION report_rollup_add(
  p_dimensions text[], p_keys text[], p_county text, p_month date,
  p_requests_filed bigint, p_requests_resolved bigint, p_disputes_opened bigint, p_disputes_resolved bigint,
  p_claimed_fen bigint, p_recovered_fen bigint
) RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_rollups AS t (dimension, key, month, county, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT d.dimension, d.key, p_month, p_county, p_requests_filed, p_requests_resolved, p_disputes_opened, p_disputes_resolved, p_claimed_fen, p_recovered_fen
  FROM unnest(p_dimensions, p_keys) AS d(dimension, key)
  -- a fixed order, so concurrent writers lock rows in the same order
  ORDER BY d.dimension, d.key
  ON CONFLICT (dimension, month, county, key) DO UPDATE SET
    requests_filed = t.requests_filed + excluded.requests_filed,
    requests_resolved = t.requests_resolved + excluded.requests_resolved,
    disputes_opened = t.disputes_opened + excluded.disputes_opened,
    disputes_resolved = t.disputes_resolved + excluded.disputes_resolved,
    claimed_fen = t.claimed_fen + excluded.claimed_fen,
    recovered_fen = t.recovered_fen + excluded.recovered_fen
$$;
--> statement-breakpoint
CREATE FUNCTION report_request_dimensions(
  p_request_id uuid, p_region text, p_channel text, p_station uuid, p_expert uuid, p_status text,
  OUT dimensions text[], OUT keys text[]
) LANGUAGE sql STABLE AS $$
  SELECT
    ARRAY['all', 'region', 'channel', 'station', 'expert', 'status']
      || coalesce(array_agg('specialty'::text ORDER BY rs.specialty_code), '{}'::text[]),
    ARRAY['', p_region, p_channel, coalesce(p_station::text, ''), coalesce(p_expert::text, ''), p_status]
      || coalesce(array_agg(rs.specialty_code ORDER BY rs.specialty_code), '{}'::text[])
  FROM request_specialties rs
  WHERE rs.request_id = p_request_id
$$;
--> statement-breakpoint
CREATE FUNCTION report_request_contributions(p_request_id uuid, p_submitted_at timestamptz, p_status request_status, p_resolved_at timestamptz)
RETURNS TABLE (month date, requests_filed bigint, requests_resolved bigint, disputes_opened bigint, disputes_resolved bigint, claimed_fen bigint, recovered_fen bigint)
LANGUAGE sql STABLE AS $$
  SELECT x.m, sum(x.f)::bigint, sum(x.rr)::bigint, sum(x.o)::bigint, sum(x.dr)::bigint, sum(x.c)::bigint, sum(x.rf)::bigint
  FROM (
    SELECT report_month(p_submitted_at) AS m, 1 AS f, 0 AS rr, 0 AS o, 0 AS dr, 0::bigint AS c, 0::bigint AS rf
    UNION ALL
    SELECT report_month(p_resolved_at), 0, 1, 0, 0, 0, 0
    WHERE p_resolved_at IS NOT NULL AND p_status IN ('resolved', 'closed')
    UNION ALL
    SELECT report_month(d.opened_at), 0, 0, 1, 0, d.claimed_fen, 0 FROM disputes d WHERE d.request_id = p_request_id
    UNION ALL
    SELECT report_month(d.closed_at), 0, 0, 0, 1, 0, 0 FROM disputes d
    WHERE d.request_id = p_request_id AND d.status = 'resolved' AND d.closed_at IS NOT NULL
    UNION ALL
    SELECT date_trunc('month', r.received_on)::date, 0, 0, 0, 0, 0, r.amount_fen FROM recoveries r WHERE r.request_id = p_request_id
  ) x
  GROUP BY x.m
  ORDER BY x.m
$$;
--> statement-breakpoint
-- Adds (p_sign = 1) or removes (-1) a request's whole contribution under the given dimension values;
-- with p_specialty_only, under that one specialty only.
CREATE FUNCTION report_rollup_apply_request(
  p_request_id uuid, p_region text, p_channel text, p_station uuid, p_expert uuid, p_status request_status,
  p_submitted_at timestamptz, p_resolved_at timestamptz, p_sign integer, p_specialty_only text DEFAULT NULL
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_dimensions text[];
  v_keys text[];
  c record;
BEGIN
  IF p_specialty_only IS NULL THEN
    SELECT d.dimensions, d.keys INTO v_dimensions, v_keys
    FROM report_request_dimensions(p_request_id, p_region, p_channel, p_station, p_expert, p_status::text) d;
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
-- Adds a dispute's or ledger entry's figures under the request's current dimension values.
CREATE FUNCTION report_rollup_add_for_request(
  p_request_id uuid, p_month date, p_disputes_opened bigint, p_disputes_resolved bigint, p_claimed_fen bigint, p_recovered_fen bigint
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r record;
  v_dimensions text[];
  v_keys text[];
BEGIN
  SELECT q.region_code, q.channel, q.station_id, q.assigned_expert_id, q.status INTO r FROM requests q WHERE q.id = p_request_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  SELECT d.dimensions, d.keys INTO v_dimensions, v_keys
  FROM report_request_dimensions(p_request_id, r.region_code, r.channel::text, r.station_id, r.assigned_expert_id, r.status::text) d;
  PERFORM report_rollup_add(v_dimensions, v_keys, left(r.region_code, 6), p_month, 0, 0,
    p_disputes_opened, p_disputes_resolved, p_claimed_fen, p_recovered_fen);
END;
$$;
--> statement-breakpoint
CREATE FUNCTION report_rollups_on_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM report_rollup_apply_request(OLD.id, OLD.region_code, OLD.channel::text, OLD.station_id, OLD.assigned_expert_id,
      OLD.status, OLD.submitted_at, OLD.resolved_at, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM report_rollup_apply_request(NEW.id, NEW.region_code, NEW.channel::text, NEW.station_id, NEW.assigned_expert_id,
      NEW.status, NEW.submitted_at, NEW.resolved_at, 1);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_rollups_request_insert AFTER INSERT ON requests
  FOR EACH ROW EXECUTE FUNCTION report_rollups_on_request();
--> statement-breakpoint
CREATE TRIGGER report_rollups_request_update AFTER UPDATE ON requests
  FOR EACH ROW WHEN (
    OLD.region_code IS DISTINCT FROM NEW.region_code OR OLD.channel IS DISTINCT FROM NEW.channel
    OR OLD.station_id IS DISTINCT FROM NEW.station_id OR OLD.assigned_expert_id IS DISTINCT FROM NEW.assigned_expert_id
    OR OLD.status IS DISTINCT FROM NEW.status OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at
    OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at
  ) EXECUTE FUNCTION report_rollups_on_request();
--> statement-breakpoint
-- BEFORE, so the request's specialties are still there to subtract (the cascade removes them after).
CREATE TRIGGER report_rollups_request_delete BEFORE DELETE ON requests
  FOR EACH ROW EXECUTE FUNCTION report_rollups_on_request();
--> statement-breakpoint
CREATE FUNCTION report_rollups_on_request_specialty() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT q.id, q.region_code, q.channel, q.station_id, q.assigned_expert_id, q.status, q.submitted_at, q.resolved_at INTO r
    FROM requests q WHERE q.id = OLD.request_id;
    IF FOUND THEN
      PERFORM report_rollup_apply_request(r.id, r.region_code, r.channel::text, r.station_id, r.assigned_expert_id,
        r.status, r.submitted_at, r.resolved_at, -1, OLD.specialty_code);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT q.id, q.region_code, q.channel, q.station_id, q.assigned_expert_id, q.status, q.submitted_at, q.resolved_at INTO r
    FROM requests q WHERE q.id = NEW.request_id;
    IF FOUND THEN
      PERFORM report_rollup_apply_request(r.id, r.region_code, r.channel::text, r.station_id, r.assigned_expert_id,
        r.status, r.submitted_at, r.resolved_at, 1, NEW.specialty_code);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_rollups_request_specialty AFTER INSERT OR UPDATE OR DELETE ON request_specialties
  FOR EACH ROW EXECUTE FUNCTION report_rollups_on_request_specialty();
--> statement-breakpoint
CREATE FUNCTION report_rollups_on_dispute() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  opened_changed boolean := TG_OP <> 'UPDATE';
  resolved_changed boolean := TG_OP <> 'UPDATE';
BEGIN
  IF TG_OP = 'UPDATE' THEN
    opened_changed := OLD.request_id <> NEW.request_id OR OLD.opened_at <> NEW.opened_at OR OLD.claimed_fen <> NEW.claimed_fen;
    resolved_changed := OLD.request_id <> NEW.request_id OR OLD.status <> NEW.status OR OLD.closed_at IS DISTINCT FROM NEW.closed_at;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF opened_changed THEN
      PERFORM report_rollup_add_for_request(OLD.request_id, report_month(OLD.opened_at), -1, 0, -OLD.claimed_fen, 0);
    END IF;
    IF resolved_changed AND OLD.status = 'resolved' AND OLD.closed_at IS NOT NULL THEN
      PERFORM report_rollup_add_for_request(OLD.request_id, report_month(OLD.closed_at), 0, -1, 0, 0);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF opened_changed THEN
      PERFORM report_rollup_add_for_request(NEW.request_id, report_month(NEW.opened_at), 1, 0, NEW.claimed_fen, 0);
    END IF;
    IF resolved_changed AND NEW.status = 'resolved' AND NEW.closed_at IS NOT NULL THEN
      PERFORM report_rollup_add_for_request(NEW.request_id, report_month(NEW.closed_at), 0, 1, 0, 0);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_rollups_dispute_insert_delete AFTER INSERT OR DELETE ON disputes
  FOR EACH ROW EXECUTE FUNCTION report_rollups_on_dispute();
--> statement-breakpoint
CREATE TRIGGER report_rollups_dispute_update AFTER UPDATE ON disputes
  FOR EACH ROW WHEN (
    OLD.request_id IS DISTINCT FROM NEW.request_id OR OLD.opened_at IS DISTINCT FROM NEW.opened_at
    OR OLD.claimed_fen IS DISTINCT FROM NEW.claimed_fen OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.closed_at IS DISTINCT FROM NEW.closed_at
  ) EXECUTE FUNCTION report_rollups_on_dispute();
--> statement-breakpoint
CREATE FUNCTION report_rollups_on_recovery() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_rollup_add_for_request(NEW.request_id, date_trunc('month', NEW.received_on)::date, 0, 0, 0, NEW.amount_fen);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Ledger entries are append-only (0001), so an insert is the only change that moves money.
CREATE TRIGGER report_rollups_recovery_insert AFTER INSERT ON recoveries
  FOR EACH ROW EXECUTE FUNCTION report_rollups_on_recovery();
--> statement-breakpoint
-- Recomputes every rollup from the base tables and the ledger (the backfill below; bulk loads).
CREATE FUNCTION report_rollups_rebuild() RETURNS void LANGUAGE sql AS $$
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
      ('expert', coalesce(q.assigned_expert_id::text, '')), ('status', q.status::text)
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
-- Report reads that are not rollups: time to acceptance (median, p90) and requests by status per
-- period, offers declined and expired (deadline breaches), ratings.
CREATE INDEX requests_report_submitted_idx ON requests (submitted_at)
  INCLUDE (accepted_at, status, region_code, channel, station_id, assigned_expert_id);
--> statement-breakpoint
CREATE INDEX offers_report_declined_idx ON offers (answered_at) INCLUDE (request_id, expert_id, decline_reason) WHERE status = 'declined';
--> statement-breakpoint
CREATE INDEX offers_report_expired_idx ON offers (expires_at) INCLUDE (request_id, expert_id) WHERE status = 'expired';
