CREATE TABLE "report_accept_histogram_years" (
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"year" date NOT NULL,
	"county" text NOT NULL,
	"hours" integer NOT NULL,
	"requests" integer NOT NULL,
	CONSTRAINT "report_accept_histogram_years_pkey" PRIMARY KEY("dimension","year","county","key","hours")
);
--> statement-breakpoint
CREATE INDEX "report_accept_histogram_years_key_idx" ON "report_accept_histogram_years" USING btree ("dimension","key","year");--> statement-breakpoint
-- The hours-to-accept counts per calendar year, beside the monthly ones. A year of the zone by
-- specialty or by station summed twelve months of counts (9,300 rows at the benchmark's full scale)
-- on every dashboard load; a whole year is now read from its own counts, and a period is read as its
-- whole years from here plus its other months from report_accept_histogram (this year so far counts
-- as a whole year while nothing is on record after its last month: lib/reports/year-spans.ts).
-- Invariant: for every dimension, key, year, county and hours, the yearly count equals the sum of
-- the monthly counts of that year. The statement trigger writes the monthly counts first, then the
-- yearly ones, each in the key's order, so concurrent writers lock the rows they share in one order.
CREATE OR REPLACE FUNCTION report_accept_histogram_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- a request not yet accepted has no rows: its refreshes (every filing's specialties) stop here
  IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN
    RETURN NULL;
  END IF;
  INSERT INTO report_accept_histogram AS h (dimension, key, month, county, hours, requests)
  SELECT r.dimension, r.key, report_month(r.submitted_at), c.county, accept_hours(r.seconds),
    CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END * count(*)::integer
  FROM changed_rows r, LATERAL (VALUES (r.county), ('')) AS c(county)
  WHERE r.dimension <> 'month'
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 3, 4, 2, 5
  ON CONFLICT (dimension, month, county, key, hours) DO UPDATE SET requests = h.requests + excluded.requests;
  INSERT INTO report_accept_histogram_years AS h (dimension, key, year, county, hours, requests)
  SELECT r.dimension, r.key, date_trunc('year', report_month(r.submitted_at))::date, c.county, accept_hours(r.seconds),
    CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END * count(*)::integer
  FROM changed_rows r, LATERAL (VALUES (r.county), ('')) AS c(county)
  WHERE r.dimension <> 'month'
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 3, 4, 2, 5
  ON CONFLICT (dimension, year, county, key, hours) DO UPDATE SET requests = h.requests + excluded.requests;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The rebuild empties the times and both counts without the delete trigger (TRUNCATE fires none); the insert builds the counts.
CREATE OR REPLACE FUNCTION report_accept_rebuild() RETURNS void LANGUAGE sql AS $$
  TRUNCATE report_accept_times, report_accept_histogram, report_accept_histogram_years;
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
INSERT INTO report_accept_histogram_years (dimension, key, year, county, hours, requests)
SELECT dimension, key, date_trunc('year', month)::date, county, hours, sum(requests)::integer
FROM report_accept_histogram
GROUP BY 1, 2, 3, 4, 5 HAVING sum(requests) <> 0
ORDER BY 1, 3, 4, 2, 5;
--> statement-breakpoint
ANALYZE report_accept_histogram_years;
