CREATE TABLE "report_accept_histogram_towns" (
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"month" date NOT NULL,
	"town" text NOT NULL,
	"hours" integer NOT NULL,
	"requests" integer NOT NULL,
	CONSTRAINT "report_accept_histogram_towns_pkey" PRIMARY KEY("dimension","month","town","key","hours")
);
--> statement-breakpoint
ALTER TABLE "report_accept_times" ADD COLUMN "town" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "report_accept_histogram_towns_key_idx" ON "report_accept_histogram_towns" USING btree ("dimension","key","month","town");--> statement-breakpoint
-- The hours-to-accept counts per town, beside the county's. A town's admin read the acceptance times
-- of their town by sorting the town's requests of the period on every look (the benchmark's busiest
-- town files about 5,900 a year at full scale); the counts per month and town now answer a period of
-- whole months as the county's counts answer a county (the key index: a page of the report by expert).
-- report_accept_times keeps the request's town (its region when finer than a county, else ''), and
-- the statement trigger adds a row's count under its town after its county's monthly and yearly
-- counts (one lock order for every writer). Invariant: for every dimension, key, month and hours,
-- the counts of a county's towns sum to the counts of that county's requests that lie in a town.
-- Then the times and every count are rebuilt, which fills the town of the rows already kept.
CREATE OR REPLACE FUNCTION report_accept_town(p_region text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN length(p_region) > 6 THEN p_region ELSE '' END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_accept_refresh(p_request_id uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_accept_times WHERE request_id = p_request_id;
  INSERT INTO report_accept_times (request_id, dimension, key, county, town, submitted_at, seconds)
  SELECT q.id, d.dimension, d.key, left(q.region_code, 6), report_accept_town(q.region_code), q.submitted_at,
    extract(epoch from (q.accepted_at - q.submitted_at))::double precision
  FROM requests q
  CROSS JOIN LATERAL (
    SELECT v.dimension, v.key FROM (VALUES
      ('all', ''), ('month', to_char(report_month(q.submitted_at), 'YYYY-MM')), ('region', q.region_code), ('channel', q.channel::text),
      ('station', coalesce(q.station_id::text, '')), ('expert', coalesce(q.assigned_expert_id::text, '')), ('category', q.category::text)
    ) AS v(dimension, key)
    UNION ALL
    SELECT 'specialty', rs.specialty_code FROM request_specialties rs WHERE rs.request_id = q.id
  ) AS d
  WHERE q.id = p_request_id AND q.accepted_at IS NOT NULL;
$$;
--> statement-breakpoint
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
  INSERT INTO report_accept_histogram_towns AS h (dimension, key, month, town, hours, requests)
  SELECT r.dimension, r.key, report_month(r.submitted_at), r.town, accept_hours(r.seconds),
    CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END * count(*)::integer
  FROM changed_rows r
  WHERE r.dimension <> 'month' AND r.town <> ''
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 3, 4, 2, 5
  ON CONFLICT (dimension, month, town, key, hours) DO UPDATE SET requests = h.requests + excluded.requests;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The rebuild empties the times and every count without the delete trigger (TRUNCATE fires none); the insert builds the counts.
CREATE OR REPLACE FUNCTION report_accept_rebuild() RETURNS void LANGUAGE sql AS $$
  TRUNCATE report_accept_times, report_accept_histogram, report_accept_histogram_years, report_accept_histogram_towns;
  INSERT INTO report_accept_times (request_id, dimension, key, county, town, submitted_at, seconds)
  SELECT q.id, d.dimension, d.key, left(q.region_code, 6), report_accept_town(q.region_code), q.submitted_at,
    extract(epoch from (q.accepted_at - q.submitted_at))::double precision
  FROM requests q
  CROSS JOIN LATERAL (VALUES
    ('all', ''), ('month', to_char(report_month(q.submitted_at), 'YYYY-MM')), ('region', q.region_code), ('channel', q.channel::text),
    ('station', coalesce(q.station_id::text, '')), ('expert', coalesce(q.assigned_expert_id::text, '')), ('category', q.category::text)
  ) AS d(dimension, key)
  WHERE q.accepted_at IS NOT NULL
  UNION ALL
  SELECT q.id, 'specialty', rs.specialty_code, left(q.region_code, 6), report_accept_town(q.region_code), q.submitted_at,
    extract(epoch from (q.accepted_at - q.submitted_at))::double precision
  FROM requests q JOIN request_specialties rs ON rs.request_id = q.id
  WHERE q.accepted_at IS NOT NULL;
$$;
--> statement-breakpoint
SELECT report_accept_rebuild();
--> statement-breakpoint
ANALYZE report_accept_times;
--> statement-breakpoint
ANALYZE report_accept_histogram;
--> statement-breakpoint
ANALYZE report_accept_histogram_years;
--> statement-breakpoint
ANALYZE report_accept_histogram_towns;
