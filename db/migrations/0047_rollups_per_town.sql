-- The rollups are kept per request region (its county, or the town it lies in) instead of per
-- county: an admin of a town reads its reports from them like an admin of a county (the rows in the
-- range of the code), where before they were computed from the ledger (every request of the town,
-- each one's disputes and ledger entries: about half a second at a tenth of the benchmark's scale).
-- A county's reports sum its own rows and its towns'.
-- The experts' figures are kept a second time per county and for the whole zone (region ''), as
-- dimension "expert_county": a period of months of the zone or a county ranks its experts from
-- those (one row per expert and month for the zone) rather than from their rows in every town.
-- report_expert_years, the acceptance-time and the panel counts stay per county (a town's
-- acceptance times and panels are counted from its requests).
-- The functions that wrote left(region, 6) now write the region; report_rollup_add's parameter is
-- renamed (so it is dropped and created; its callers are PL/pgSQL and find it by name at run time),
-- and it keeps adding the experts' years per county. Then the rollups are rebuilt (the backfill).
ALTER TABLE report_rollups RENAME COLUMN county TO region_code;
--> statement-breakpoint
DROP FUNCTION report_rollup_add(text[], text[], text, date, bigint, bigint, bigint, bigint, bigint, bigint);
--> statement-breakpoint
CREATE FUNCTION report_rollup_add(
  p_dimensions text[], p_keys text[], p_region text, p_month date,
  p_requests_filed bigint, p_requests_resolved bigint, p_disputes_opened bigint, p_disputes_resolved bigint,
  p_claimed_fen bigint, p_recovered_fen bigint
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_shard smallint := report_rollup_shard();
BEGIN
  INSERT INTO report_rollups AS t (dimension, key, month, region_code, shard, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT d.dimension, d.key, p_month, d.region_code, v_shard, p_requests_filed, p_requests_resolved, p_disputes_opened, p_disputes_resolved, p_claimed_fen, p_recovered_fen
  FROM (
    SELECT u.dimension, u.key, p_region AS region_code FROM unnest(p_dimensions, p_keys) AS u(dimension, key)
    UNION ALL
    SELECT 'expert_county', u.key, c.region_code
    FROM unnest(p_dimensions, p_keys) AS u(dimension, key), (VALUES (left(p_region, 6)), ('')) AS c(region_code)
    WHERE u.dimension = 'expert'
  ) d
  -- a fixed order, so writers sharing rows (shard 0, or a shard waited for) lock them in the same order
  ORDER BY d.dimension, d.key, d.region_code
  ON CONFLICT (dimension, month, region_code, key, shard) DO UPDATE SET
    requests_filed = t.requests_filed + excluded.requests_filed,
    requests_resolved = t.requests_resolved + excluded.requests_resolved,
    disputes_opened = t.disputes_opened + excluded.disputes_opened,
    disputes_resolved = t.disputes_resolved + excluded.disputes_resolved,
    claimed_fen = t.claimed_fen + excluded.claimed_fen,
    recovered_fen = t.recovered_fen + excluded.recovered_fen;
  INSERT INTO report_expert_years AS t (year, county, key, shard, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT date_trunc('year', p_month)::date, c.county, d.key, v_shard, p_requests_filed, p_requests_resolved, p_disputes_opened, p_disputes_resolved, p_claimed_fen, p_recovered_fen
  FROM unnest(p_dimensions, p_keys) AS d(dimension, key), (VALUES (left(p_region, 6)), ('')) AS c(county)
  WHERE d.dimension = 'expert'
  ORDER BY c.county, d.key
  ON CONFLICT (year, county, key, shard) DO UPDATE SET
    requests_filed = t.requests_filed + excluded.requests_filed,
    requests_resolved = t.requests_resolved + excluded.requests_resolved,
    disputes_opened = t.disputes_opened + excluded.disputes_opened,
    disputes_resolved = t.disputes_resolved + excluded.disputes_resolved,
    claimed_fen = t.claimed_fen + excluded.claimed_fen,
    recovered_fen = t.recovered_fen + excluded.recovered_fen;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_rollups_compact(p_shard smallint) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_folded integer;
  v_years integer;
BEGIN
  IF p_shard < 1 THEN
    RETURN 0;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('report_rollups'), p_shard);
  WITH moved AS (
    DELETE FROM report_rollups WHERE shard = p_shard AND shard > 0
    RETURNING dimension, key, month, region_code, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen
  )
  INSERT INTO report_rollups AS t (dimension, key, month, region_code, shard, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT m.dimension, m.key, m.month, m.region_code, 0, m.requests_filed, m.requests_resolved, m.disputes_opened, m.disputes_resolved, m.claimed_fen, m.recovered_fen
  FROM moved m
  ORDER BY m.dimension, m.key, m.month, m.region_code
  ON CONFLICT (dimension, month, region_code, key, shard) DO UPDATE SET
    requests_filed = t.requests_filed + excluded.requests_filed,
    requests_resolved = t.requests_resolved + excluded.requests_resolved,
    disputes_opened = t.disputes_opened + excluded.disputes_opened,
    disputes_resolved = t.disputes_resolved + excluded.disputes_resolved,
    claimed_fen = t.claimed_fen + excluded.claimed_fen,
    recovered_fen = t.recovered_fen + excluded.recovered_fen;
  GET DIAGNOSTICS v_folded = ROW_COUNT;
  WITH moved AS (
    DELETE FROM report_expert_years WHERE shard = p_shard AND shard > 0
    RETURNING year, county, key, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen
  )
  INSERT INTO report_expert_years AS t (year, county, key, shard, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT m.year, m.county, m.key, 0, m.requests_filed, m.requests_resolved, m.disputes_opened, m.disputes_resolved, m.claimed_fen, m.recovered_fen
  FROM moved m
  ORDER BY m.county, m.key, m.year
  ON CONFLICT (year, county, key, shard) DO UPDATE SET
    requests_filed = t.requests_filed + excluded.requests_filed,
    requests_resolved = t.requests_resolved + excluded.requests_resolved,
    disputes_opened = t.disputes_opened + excluded.disputes_opened,
    disputes_resolved = t.disputes_resolved + excluded.disputes_resolved,
    claimed_fen = t.claimed_fen + excluded.claimed_fen,
    recovered_fen = t.recovered_fen + excluded.recovered_fen;
  GET DIAGNOSTICS v_years = ROW_COUNT;
  RETURN v_folded + v_years;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_rollup_apply_request(
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
    PERFORM report_rollup_add(v_dimensions, v_keys, p_region, c.month,
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
  PERFORM report_rollup_add(v_dimensions, v_keys, r.region_code, p_month, 0, 0,
    p_disputes_opened, p_disputes_resolved, p_claimed_fen, p_recovered_fen);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_on_request_specialties_added() RETURNS trigger LANGUAGE plpgsql AS $$
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
    PERFORM report_rollup_add(array_fill('specialty'::text, ARRAY[cardinality(r.codes)]), r.codes, r.region_code, c.month,
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
CREATE OR REPLACE FUNCTION report_rollups_rebuild_months() RETURNS void LANGUAGE sql AS $$
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
    SELECT q.id AS request_id, q.region_code, d.dimension, d.key
    FROM requests q
    CROSS JOIN LATERAL (VALUES
      ('all', ''), ('region', q.region_code), ('channel', q.channel::text), ('station', coalesce(q.station_id::text, '')),
      ('expert', coalesce(q.assigned_expert_id::text, '')), ('status', q.status::text), ('category', q.category::text)
    ) AS d(dimension, key)
    UNION ALL
    SELECT q.id, c.region_code, 'expert_county', coalesce(q.assigned_expert_id::text, '')
    FROM requests q, LATERAL (VALUES (left(q.region_code, 6)), ('')) AS c(region_code)
    UNION ALL
    SELECT rs.request_id, q.region_code, 'specialty', rs.specialty_code
    FROM request_specialties rs JOIN requests q ON q.id = rs.request_id
  )
  INSERT INTO report_rollups (dimension, key, month, region_code, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT k.dimension, k.key, c.m, k.region_code, sum(c.f)::bigint, sum(c.rr)::bigint, sum(c.o)::bigint, sum(c.dr)::bigint, sum(c.c)::bigint, sum(c.rf)::bigint
  FROM contributions c JOIN dimension_keys k ON k.request_id = c.request_id
  GROUP BY k.dimension, k.key, c.m, k.region_code
  -- in the order of the primary key, so that a dimension's month lies together on disk: six months
  -- of the experts of the zone are then a few thousand pages, not reads across most of the table
  ORDER BY k.dimension, c.m, k.region_code, k.key;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_expert_years_from_months() RETURNS void LANGUAGE sql AS $$
  TRUNCATE report_expert_years, report_expert_year_counts;
  INSERT INTO report_expert_years (year, county, key, shard, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT date_trunc('year', r.month)::date, c.county, r.key, 0,
    sum(r.requests_filed), sum(r.requests_resolved), sum(r.disputes_opened), sum(r.disputes_resolved), sum(r.claimed_fen), sum(r.recovered_fen)
  FROM report_rollups r, LATERAL (VALUES (left(r.region_code, 6)), ('')) AS c(county)
  WHERE r.dimension = 'expert'
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3;
$$;
--> statement-breakpoint
SELECT report_rollups_rebuild();
--> statement-breakpoint
ANALYZE report_rollups;
