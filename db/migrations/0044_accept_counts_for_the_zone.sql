-- The hours-to-accept counts of the whole zone, kept beside each county's (county ''). A year of the
-- zone read every county's counts and summed them (at the benchmark's full scale 28,000 rows for the
-- report by specialty or by station, ~20 ms; a zone of forty counties would read forty times a
-- county's): now the zone reads its own, as many rows as one county has. A county-level or narrower
-- scope reads its counties as before; the report by county reads every county's ('' excluded).
-- Invariant: for every dimension, key, month and hours, the county '' count equals the sum of the
-- other counties' counts.
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
  RETURN NULL;
END;
$$;
--> statement-breakpoint
INSERT INTO report_accept_histogram (dimension, key, month, county, hours, requests)
SELECT dimension, key, month, '', hours, sum(requests)::integer
FROM report_accept_histogram WHERE county <> ''
GROUP BY 1, 2, 3, 5
ORDER BY 1, 3, 2, 5;
--> statement-breakpoint
ANALYZE report_accept_histogram;
