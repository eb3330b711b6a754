-- The report by expert, a page at a time. At the benchmark's full scale (100,000 experts) a year of
-- the zone by expert summed 1,450,000 monthly rows and built a row per expert (~6 s). Now the
-- rollups also keep each expert's figures per calendar year ("expert_year": month is the year's
-- first day), per county and for the whole zone (county ''), in the same shards and by the same
-- calls as the monthly rows; a report of one calendar year reads its page best first from an index
-- of the compacted rows (shard 0), merged with the few uncompacted deltas, and computes the acceptance
-- times, duty figures and names of that page's experts only.
-- Invariant: for every expert key, year and county, the "expert_year" row (summed over shards) equals
-- the sum of that expert's monthly "expert" rows of the year in that county, and the county '' row
-- their sum over every county. report_rollups_rebuild() builds them from the monthly rows.
CREATE OR REPLACE FUNCTION report_rollup_add(
  p_dimensions text[], p_keys text[], p_county text, p_month date,
  p_requests_filed bigint, p_requests_resolved bigint, p_disputes_opened bigint, p_disputes_resolved bigint,
  p_claimed_fen bigint, p_recovered_fen bigint
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_shard smallint := report_rollup_shard();
BEGIN
  INSERT INTO report_rollups AS t (dimension, key, month, county, shard, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT d.dimension, d.key, d.month, d.county, v_shard, p_requests_filed, p_requests_resolved, p_disputes_opened, p_disputes_resolved, p_claimed_fen, p_recovered_fen
  FROM (
    SELECT u.dimension, u.key, p_month AS month, p_county AS county FROM unnest(p_dimensions, p_keys) AS u(dimension, key)
    UNION ALL
    SELECT 'expert_year', u.key, date_trunc('year', p_month)::date, c.county
    FROM unnest(p_dimensions, p_keys) AS u(dimension, key), (VALUES (p_county), ('')) AS c(county)
    WHERE u.dimension = 'expert'
  ) d
  -- a fixed order, so writers sharing rows (shard 0, or a shard waited for) lock them in the same order
  ORDER BY d.dimension, d.key, d.county
  ON CONFLICT (dimension, month, county, key, shard) DO UPDATE SET
    requests_filed = t.requests_filed + excluded.requests_filed,
    requests_resolved = t.requests_resolved + excluded.requests_resolved,
    disputes_opened = t.disputes_opened + excluded.disputes_opened,
    disputes_resolved = t.disputes_resolved + excluded.disputes_resolved,
    claimed_fen = t.claimed_fen + excluded.claimed_fen,
    recovered_fen = t.recovered_fen + excluded.recovered_fen;
END;
$$;
--> statement-breakpoint
-- The yearly rows from the monthly ones (every shard), in shard 0.
CREATE FUNCTION report_expert_years_from_months() RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_rollups (dimension, key, month, county, shard, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT 'expert_year', r.key, date_trunc('year', r.month)::date, c.county, 0,
    sum(r.requests_filed), sum(r.requests_resolved), sum(r.disputes_opened), sum(r.disputes_resolved), sum(r.claimed_fen), sum(r.recovered_fen)
  FROM report_rollups r, LATERAL (VALUES (r.county), ('')) AS c(county)
  WHERE r.dimension = 'expert'
  GROUP BY 2, 3, 4
  ORDER BY 3, 4, 2;
$$;
--> statement-breakpoint
ALTER FUNCTION report_rollups_rebuild() RENAME TO report_rollups_rebuild_months;
--> statement-breakpoint
CREATE FUNCTION report_rollups_rebuild() RETURNS void LANGUAGE sql AS $$
  SELECT report_rollups_rebuild_months();
  SELECT report_expert_years_from_months();
$$;
--> statement-breakpoint
-- A year's experts best first (the report's order: requests, then money recovered, then the key).
CREATE INDEX report_rollups_expert_year_rank ON report_rollups (month, county, requests_filed DESC, recovered_fen DESC, key)
  WHERE dimension = 'expert_year' AND shard = 0;
--> statement-breakpoint
-- The acceptance times of a page's experts: their counts, not a whole dimension's.
CREATE INDEX report_accept_histogram_key_idx ON report_accept_histogram (dimension, key, month);
--> statement-breakpoint
SELECT report_expert_years_from_months();
--> statement-breakpoint
ANALYZE report_rollups;
