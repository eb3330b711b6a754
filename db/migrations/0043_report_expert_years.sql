CREATE TABLE "report_expert_year_counts" (
	"year" date NOT NULL,
	"county" text NOT NULL,
	"experts" bigint NOT NULL,
	CONSTRAINT "report_expert_year_counts_pkey" PRIMARY KEY("year","county")
);
--> statement-breakpoint
CREATE TABLE "report_expert_years" (
	"year" date NOT NULL,
	"county" text NOT NULL,
	"key" text NOT NULL,
	"shard" smallint DEFAULT 0 NOT NULL,
	"requests_filed" bigint DEFAULT 0 NOT NULL,
	"requests_resolved" bigint DEFAULT 0 NOT NULL,
	"disputes_opened" bigint DEFAULT 0 NOT NULL,
	"disputes_resolved" bigint DEFAULT 0 NOT NULL,
	"claimed_fen" bigint DEFAULT 0 NOT NULL,
	"recovered_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_expert_years_pkey" PRIMARY KEY("year","county","key","shard")
);
--> statement-breakpoint
CREATE INDEX "report_expert_years_rank" ON "report_expert_years" USING btree ("year","county","requests_filed" DESC NULLS LAST,"recovered_fen" DESC NULLS LAST,"key") WHERE "report_expert_years"."shard" = 0;--> statement-breakpoint
CREATE INDEX "report_expert_years_uncompacted" ON "report_expert_years" USING btree ("year","county","key") WHERE "report_expert_years"."shard" > 0;--> statement-breakpoint
CREATE INDEX "report_accept_histogram_key_idx" ON "report_accept_histogram" USING btree ("dimension","key","month");
--> statement-breakpoint
-- The report by expert, a page at a time. At the benchmark's full scale (100,000 experts) a year of
-- the zone by expert summed 1,450,000 monthly rows and built a row per expert (~6 s). Now
-- report_expert_years keeps each expert's figures per calendar year, per county and for the whole
-- zone (county ''), added by report_rollup_add with the monthly rows, in the same shard; the daily
-- compaction folds its shards into shard 0 with the rollups'. A report of one calendar year reads its
-- page best first from report_expert_years_rank (shard 0), merged with the few uncompacted rows.
-- A table of its own: an index over the figures on report_rollups would make none of its updates HOT.
-- Invariant: for every key, year and county, the row (summed over shards) equals the sum of the
-- monthly "expert" rollups of that key in that year and county; county '' their sum over every county.
CREATE OR REPLACE FUNCTION report_rollup_add(
  p_dimensions text[], p_keys text[], p_county text, p_month date,
  p_requests_filed bigint, p_requests_resolved bigint, p_disputes_opened bigint, p_disputes_resolved bigint,
  p_claimed_fen bigint, p_recovered_fen bigint
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_shard smallint := report_rollup_shard();
BEGIN
  INSERT INTO report_rollups AS t (dimension, key, month, county, shard, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT d.dimension, d.key, p_month, p_county, v_shard, p_requests_filed, p_requests_resolved, p_disputes_opened, p_disputes_resolved, p_claimed_fen, p_recovered_fen
  FROM unnest(p_dimensions, p_keys) AS d(dimension, key)
  -- a fixed order, so writers sharing rows (shard 0, or a shard waited for) lock them in the same order
  ORDER BY d.dimension, d.key
  ON CONFLICT (dimension, month, county, key, shard) DO UPDATE SET
    requests_filed = t.requests_filed + excluded.requests_filed,
    requests_resolved = t.requests_resolved + excluded.requests_resolved,
    disputes_opened = t.disputes_opened + excluded.disputes_opened,
    disputes_resolved = t.disputes_resolved + excluded.disputes_resolved,
    claimed_fen = t.claimed_fen + excluded.claimed_fen,
    recovered_fen = t.recovered_fen + excluded.recovered_fen;
  INSERT INTO report_expert_years AS t (year, county, key, shard, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT date_trunc('year', p_month)::date, c.county, d.key, v_shard, p_requests_filed, p_requests_resolved, p_disputes_opened, p_disputes_resolved, p_claimed_fen, p_recovered_fen
  FROM unnest(p_dimensions, p_keys) AS d(dimension, key), (VALUES (p_county), ('')) AS c(county)
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
-- Folds a shard of both tables into shard 0 (the daily job), under the same lock as before.
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
    DELETE FROM report_rollups WHERE shard = p_shard
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
    DELETE FROM report_expert_years WHERE shard = p_shard
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
-- The number of experts with figures among the compacted rows (shard 0), per year and county: a
-- statement trigger counts the rows a statement made non-zero in or out. Writers add to shards 1..32,
-- so only the compaction and the rebuild (and writers with clcr.rollup_shards = 1) change it.
CREATE FUNCTION report_expert_year_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO report_expert_year_counts AS c (year, county, experts)
    SELECT o.year, o.county, -count(*) FROM old_rows o WHERE o.shard = 0 AND (o.requests_filed <> 0 OR o.requests_resolved <> 0 OR o.disputes_opened <> 0 OR o.disputes_resolved <> 0 OR o.claimed_fen <> 0 OR o.recovered_fen <> 0)
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (year, county) DO UPDATE SET experts = c.experts + excluded.experts;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO report_expert_year_counts AS c (year, county, experts)
    SELECT n.year, n.county, count(*) FROM new_rows n WHERE n.shard = 0 AND (n.requests_filed <> 0 OR n.requests_resolved <> 0 OR n.disputes_opened <> 0 OR n.disputes_resolved <> 0 OR n.claimed_fen <> 0 OR n.recovered_fen <> 0)
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (year, county) DO UPDATE SET experts = c.experts + excluded.experts;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_expert_year_counts_insert AFTER INSERT ON report_expert_years
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_expert_year_counts_apply();
--> statement-breakpoint
CREATE TRIGGER report_expert_year_counts_update AFTER UPDATE ON report_expert_years
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_expert_year_counts_apply();
--> statement-breakpoint
CREATE TRIGGER report_expert_year_counts_delete AFTER DELETE ON report_expert_years
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_expert_year_counts_apply();
--> statement-breakpoint
-- The yearly rows from the monthly ones (every shard), in shard 0.
CREATE FUNCTION report_expert_years_from_months() RETURNS void LANGUAGE sql AS $$
  TRUNCATE report_expert_years, report_expert_year_counts;
  INSERT INTO report_expert_years (year, county, key, shard, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT date_trunc('year', r.month)::date, c.county, r.key, 0,
    sum(r.requests_filed), sum(r.requests_resolved), sum(r.disputes_opened), sum(r.disputes_resolved), sum(r.claimed_fen), sum(r.recovered_fen)
  FROM report_rollups r, LATERAL (VALUES (r.county), ('')) AS c(county)
  WHERE r.dimension = 'expert'
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3;
$$;
--> statement-breakpoint
ALTER FUNCTION report_rollups_rebuild() RENAME TO report_rollups_rebuild_months;
--> statement-breakpoint
CREATE FUNCTION report_rollups_rebuild() RETURNS void LANGUAGE sql AS $$
  SELECT report_rollups_rebuild_months();
  SELECT report_expert_years_from_months();
$$;
--> statement-breakpoint
SELECT report_expert_years_from_months();
--> statement-breakpoint
ANALYZE report_expert_years;
