CREATE TABLE "report_expert_changes" (
	"generation" bigint NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "report_expert_changes_pkey" PRIMARY KEY("generation","key")
);
--> statement-breakpoint
ALTER TABLE "report_expert_generation" ADD COLUMN "logged_after" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The report by expert keeps a period's ranking of the compacted rows while their generation stays
-- (migration 0058), and worked the whole ranking out again when it moved: after every compaction
-- that folded anything (every ten minutes while anything is written), the first look at a period
-- ranked the whole roster again (1.7 s at the benchmark's full scale). Now the statement trigger
-- that moves the generation also writes down which experts' compacted rows the statement changed,
-- under the new generation, so a kept ranking is brought up to date by working out those experts
-- again. The log keeps the last 1,024 generations (the older ones are deleted by the same trigger);
-- report_expert_generation.logged_after says above which generation it is whole. A statement that
-- changes more than 4,096 experts (the rebuild's insert) and the rebuild's TRUNCATE (no rows seen)
-- start it again: every kept ranking is then worked out again.
UPDATE report_expert_generation SET logged_after = generation;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_expert_year_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_compacted boolean := false;
  v_keys text[];
  v_generation bigint;
  v_logged_after bigint;
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
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(DISTINCT n.key) INTO v_keys FROM new_rows n WHERE n.shard = 0;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(DISTINCT o.key) INTO v_keys FROM old_rows o WHERE o.shard = 0;
    ELSE
      SELECT array_agg(DISTINCT u.key) INTO v_keys
      FROM (SELECT n.key FROM new_rows n WHERE n.shard = 0 UNION ALL SELECT o.key FROM old_rows o WHERE o.shard = 0) u;
    END IF;
    -- more experts than this (the rebuild's insert, a compaction after a long burst): working the
    -- rankings out again costs no more than putting each of them back, so the log starts again here
    UPDATE report_expert_generation
    SET generation = generation + 1,
      logged_after = CASE WHEN cardinality(v_keys) > 4096 THEN generation + 1 ELSE greatest(logged_after, generation + 1 - 1024) END
    RETURNING generation, logged_after INTO v_generation, v_logged_after;
    IF v_logged_after < v_generation THEN
      INSERT INTO report_expert_changes (generation, key) SELECT v_generation, unnest(v_keys);
    END IF;
    DELETE FROM report_expert_changes WHERE generation <= v_logged_after;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The rebuild empties the yearly rows with TRUNCATE (no row trigger sees it): every ranking is worked out again.
CREATE OR REPLACE FUNCTION report_expert_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_expert_generation SET generation = generation + 1, logged_after = generation + 1;
  DELETE FROM report_expert_changes;
  RETURN NULL;
END;
$$;
