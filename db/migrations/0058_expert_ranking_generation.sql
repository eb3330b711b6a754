CREATE TABLE "report_expert_generation" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_expert_generation_one_row" CHECK (id = 1)
);
--> statement-breakpoint
INSERT INTO "report_expert_generation" DEFAULT VALUES;
--> statement-breakpoint
-- The report by expert over a period that is not one calendar year sums every expert's monthly rows
-- (at the benchmark's full scale, 100,000 experts: about a second for six months of the zone). The
-- compacted rows (shard 0) change only when the compaction folds a shard into them (every ten
-- minutes) or the rollups are rebuilt, so the app keeps a period's ranking of them and adds the few
-- rows written since, as long as report_expert_generation says they have not changed. The trigger
-- that counts the compacted experts per year (migration 0043) now also moves the generation when a
-- statement changes a shard-0 row of report_expert_years: the same calls write the monthly expert
-- rollups and the yearly rows in the same shard, and the compaction folds both in one transaction.
-- Writers add to shards 1..32 and never touch the generation row (it is no hot row for filings).
CREATE OR REPLACE FUNCTION report_expert_year_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_compacted boolean := false;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO report_expert_year_counts AS c (year, county, experts)
    SELECT o.year, o.county, -count(*) FROM old_rows o WHERE o.shard = 0 AND (o.requests_filed <> 0 OR o.requests_resolved <> 0 OR o.disputes_opened <> 0 OR o.disputes_resolved <> 0 OR o.claimed_fen <> 0 OR o.recovered_fen <> 0)
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (year, county) DO UPDATE SET experts = c.experts + excluded.experts;
    v_compacted := EXISTS (SELECT 1 FROM old_rows o WHERE o.shard = 0);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO report_expert_year_counts AS c (year, county, experts)
    SELECT n.year, n.county, count(*) FROM new_rows n WHERE n.shard = 0 AND (n.requests_filed <> 0 OR n.requests_resolved <> 0 OR n.disputes_opened <> 0 OR n.disputes_resolved <> 0 OR n.claimed_fen <> 0 OR n.recovered_fen <> 0)
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (year, county) DO UPDATE SET experts = c.experts + excluded.experts;
    v_compacted := v_compacted OR EXISTS (SELECT 1 FROM new_rows n WHERE n.shard = 0);
  END IF;
  IF v_compacted THEN
    UPDATE report_expert_generation SET generation = generation + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The rebuild empties the yearly rows with TRUNCATE (no row trigger sees it).
CREATE FUNCTION report_expert_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_expert_generation SET generation = generation + 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_expert_generation_truncate AFTER TRUNCATE ON report_expert_years
  FOR EACH STATEMENT EXECUTE FUNCTION report_expert_generation_bump();
