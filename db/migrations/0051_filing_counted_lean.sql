-- A filing's share of the rollups, with less work in its transaction (the triggers were most of the
-- server's time per filing).
-- A request being inserted has no specialties, disputes or recoveries yet (their rows refer to it,
-- and their own triggers add them when they come), so its insert trigger adds what the row itself
-- says, the filing and a resolution it may already carry, under the dimensions the row holds: no
-- look-ups of specialties, disputes or recoveries and no detour through report_rollup_apply_request.
-- report_rollup_add sends its experts' years only when an expert is among the dimensions (not for a
-- request's specialties), which also spares that statement's triggers.
CREATE OR REPLACE FUNCTION report_rollup_add(
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
  IF NOT 'expert' = ANY(p_dimensions) THEN
    RETURN;
  END IF;
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
CREATE FUNCTION report_rollups_on_request_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_dimensions text[] := ARRAY['all', 'region', 'channel', 'station', 'expert', 'status', 'category'];
  v_keys text[] := ARRAY['', NEW.region_code, NEW.channel::text, coalesce(NEW.station_id::text, ''),
    coalesce(NEW.assigned_expert_id::text, ''), NEW.status::text, NEW.category::text];
  v_filed date := report_month(NEW.submitted_at);
  v_resolved date;
BEGIN
  IF NEW.resolved_at IS NOT NULL AND NEW.status IN ('resolved', 'closed') THEN
    v_resolved := report_month(NEW.resolved_at);
  END IF;
  IF v_resolved = v_filed THEN
    PERFORM report_rollup_add(v_dimensions, v_keys, NEW.region_code, v_filed, 1, 1, 0, 0, 0, 0);
    RETURN NULL;
  END IF;
  PERFORM report_rollup_add(v_dimensions, v_keys, NEW.region_code, v_filed, 1, 0, 0, 0, 0, 0);
  IF v_resolved IS NOT NULL THEN
    PERFORM report_rollup_add(v_dimensions, v_keys, NEW.region_code, v_resolved, 0, 1, 0, 0, 0, 0);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER report_rollups_request_insert ON requests;
--> statement-breakpoint
CREATE TRIGGER report_rollups_request_insert AFTER INSERT ON requests
  FOR EACH ROW EXECUTE FUNCTION report_rollups_on_request_insert();
