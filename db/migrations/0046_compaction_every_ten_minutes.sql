CREATE INDEX "report_rollups_uncompacted" ON "report_rollups" USING btree ("shard") WHERE "report_rollups"."shard" > 0;--> statement-breakpoint
-- The compaction folds the rows written since its last run (shards 1..32) into shard 0. It found
-- them by reading the whole table (at the benchmark's full scale 7,250,000 rows, ~1 GB, once to list
-- the shards and once per shard), so it ran once a day, and by evening the report by expert merged a
-- day of writes into every page (thousands of experts at a busy zone's pace). The partial index
-- above holds only those rows: the job lists and deletes them through it and now runs every ten
-- minutes (lib/jobs/policy.ts). "AND shard > 0" beside "shard = p_shard" lets the planner use the
-- partial indexes (this one, and report_expert_years_uncompacted) for any p_shard.
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
    RETURNING dimension, key, month, county, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen
  )
  INSERT INTO report_rollups AS t (dimension, key, month, county, shard, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT m.dimension, m.key, m.month, m.county, 0, m.requests_filed, m.requests_resolved, m.disputes_opened, m.disputes_resolved, m.claimed_fen, m.recovered_fen
  FROM moved m
  ORDER BY m.dimension, m.key, m.month, m.county
  ON CONFLICT (dimension, month, county, key, shard) DO UPDATE SET
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
