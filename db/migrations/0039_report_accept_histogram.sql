CREATE TABLE "report_accept_histogram" (
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"month" date NOT NULL,
	"county" text NOT NULL,
	"hours" integer NOT NULL,
	"requests" integer NOT NULL,
	CONSTRAINT "report_accept_histogram_pkey" PRIMARY KEY("dimension","month","county","key","hours")
);
--> statement-breakpoint
-- Hours to accept, counted. The median and 90th percentile of a year of a busy zone sorted every
-- request's time (report_accept_times: 200,000 a year at the benchmark's full scale, ~100 ms); now a
-- period of whole months reads how many requests took each whole hour, per dimension, key, month of
-- filing and county, and finds the percentiles in those counts (a year of the zone: a few thousand
-- rows). Exact, by one definition every path shares: a time is counted in whole hours,
-- accept_hours(seconds), before the percentiles are taken (PostgreSQL's percentile_cont, interpolated;
-- lib/reports/accept-times.ts does the same arithmetic over the counts). "month" is not kept: it is
-- "all" by month (and "region" by county is read from "all" by county).
-- (numeric rounding: halves away from zero on every platform; a double's round() is the platform's)
CREATE FUNCTION accept_hours(seconds double precision) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT round(seconds::numeric / 3600)::integer
$$;
--> statement-breakpoint
-- Counts in (an insert) or out (a delete) the rows of report_accept_times a statement wrote, grouped,
-- in the key's order (concurrent writers lock the counts they share in the same order).
CREATE FUNCTION report_accept_histogram_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- a request not yet accepted has no rows: its refreshes (every filing's specialties) stop here
  IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN
    RETURN NULL;
  END IF;
  INSERT INTO report_accept_histogram AS h (dimension, key, month, county, hours, requests)
  SELECT r.dimension, r.key, report_month(r.submitted_at), r.county, accept_hours(r.seconds),
    CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END * count(*)::integer
  FROM changed_rows r WHERE r.dimension <> 'month'
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 3, 4, 2, 5
  ON CONFLICT (dimension, month, county, key, hours) DO UPDATE SET requests = h.requests + excluded.requests;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_accept_histogram_insert AFTER INSERT ON report_accept_times
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_accept_histogram_apply();
--> statement-breakpoint
CREATE TRIGGER report_accept_histogram_delete AFTER DELETE ON report_accept_times
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_accept_histogram_apply();
--> statement-breakpoint
-- The rebuild empties both tables without the delete trigger (TRUNCATE fires none); the insert builds the counts.
CREATE OR REPLACE FUNCTION report_accept_rebuild() RETURNS void LANGUAGE sql AS $$
  TRUNCATE report_accept_times, report_accept_histogram;
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
INSERT INTO report_accept_histogram (dimension, key, month, county, hours, requests)
SELECT dimension, key, report_month(submitted_at), county, accept_hours(seconds), count(*)::integer
FROM report_accept_times WHERE dimension <> 'month'
GROUP BY 1, 2, 3, 4, 5
-- in the key's order: a year of one dimension is then a few hundred adjacent pages, not rows scattered over the table
ORDER BY 1, 3, 4, 2, 5;
--> statement-breakpoint
ANALYZE report_accept_histogram;
