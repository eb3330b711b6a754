-- 受理编号 (case numbers). Generated (the table, the column, the unique index), then added to by
-- hand: the functions, the trigger and the backfill below, which drizzle-kit never writes or drops.
--
-- A case number reads "JS-2026-00123": the district's prefix (嘉善县 330421 JS, 青浦区 310118 QP,
-- 吴江区 320509 WJ, any other district its six-digit code), the year of filing in Asia/Shanghai,
-- and the sequence within that district and year, at least five digits. Every insert that leaves
-- case_number empty gets the next one from case_number_counters: `insert … on conflict do update …
-- returning` takes the counter row's lock, so concurrent filings in one district wait for each other
-- and never share a number (and the unique index would refuse it if they did).
CREATE TABLE "case_number_counters" (
	"district" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "case_number_counters_district_year_pk" PRIMARY KEY("district","year")
);
--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "case_number" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION case_number_prefix(region_code text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE left(region_code, 6)
    WHEN '330421' THEN 'JS'
    WHEN '310118' THEN 'QP'
    WHEN '320509' THEN 'WJ'
    ELSE left(region_code, 6)
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION next_case_number(region_code text, filed_at timestamptz) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  prefix text := case_number_prefix(region_code);
  filed_year integer := extract(year FROM filed_at AT TIME ZONE 'Asia/Shanghai')::integer;
  n integer;
BEGIN
  INSERT INTO case_number_counters AS c (district, year, last) VALUES (prefix, filed_year, 1)
  ON CONFLICT (district, year) DO UPDATE SET last = c.last + 1
  RETURNING c.last INTO n;
  RETURN prefix || '-' || filed_year || '-' || lpad(n::text, greatest(5, length(n::text)), '0');
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION requests_set_case_number() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.case_number IS NULL OR NEW.case_number = '' THEN
    NEW.case_number := next_case_number(NEW.region_code, coalesce(NEW.submitted_at, now()));
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- Backfill: the requests filed so far, in the order they were filed.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT id, region_code, submitted_at FROM requests ORDER BY submitted_at, id LOOP
    UPDATE requests SET case_number = next_case_number(r.region_code, r.submitted_at) WHERE id = r.id;
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE UNIQUE INDEX "requests_case_number" ON "requests" USING btree ("case_number");--> statement-breakpoint
CREATE TRIGGER requests_case_number BEFORE INSERT ON requests
FOR EACH ROW EXECUTE FUNCTION requests_set_case_number();
