CREATE TABLE "report_panel_counts" (
	"panel" text NOT NULL,
	"key" text NOT NULL,
	"month" date NOT NULL,
	"county" text NOT NULL,
	"count" bigint NOT NULL,
	"total" bigint NOT NULL,
	CONSTRAINT "report_panel_counts_pkey" PRIMARY KEY("panel","month","county","key")
);
--> statement-breakpoint
-- The dashboard's panels besides the grouped figures, counted. At the benchmark's full scale a year
-- of the zone has ~190,000 declined offers, ~60,000 ratings and ~20,000 return visits, and every
-- dashboard counted them again (20-30 ms); a period of whole months now sums a few hundred counts.
-- Invariant: for every (panel, month, county, key) the row holds, over the CURRENT rows,
--   declined  offers with status 'declined', by coalesce(decline_reason, ''), in the month of answered_at
--   rating    requests with a rating and a closed_at, by the stars, in the month of closed_at
--   visit     return visits (count, and total = the sum of their satisfaction), in the month of visited_on
-- in the county (first six digits) of the request's current region. Months are report_month()
-- (Asia/Shanghai) for instants and the calendar month for the visit's date.

-- Adds signed counts, grouped, in the key's order (concurrent writers lock shared rows in the same order).
CREATE FUNCTION report_panel_add(p_panel text, p_keys text[], p_months date[], p_counties text[], p_counts bigint[], p_totals bigint[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_panel_counts AS t (panel, key, month, county, count, total)
  SELECT p_panel, f.key, f.month, f.county, sum(f.count), sum(f.total)
  FROM unnest(p_keys, p_months, p_counties, p_counts, p_totals) AS f(key, month, county, count, total)
  GROUP BY 2, 3, 4
  HAVING sum(f.count) <> 0 OR sum(f.total) <> 0
  ORDER BY 3, 4, 2
  ON CONFLICT (panel, month, county, key) DO UPDATE SET count = t.count + excluded.count, total = t.total + excluded.total
$$;
--> statement-breakpoint
-- What one request contributes: its rating, and (p_children) its declined offers and its visits,
-- under the given county, with the sign p_sign.
CREATE FUNCTION report_panel_apply_request(p_request_id uuid, p_county text, p_rating smallint, p_closed_at timestamptz, p_children boolean, p_sign integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_rating IS NOT NULL AND p_closed_at IS NOT NULL THEN
    PERFORM report_panel_add('rating', ARRAY[p_rating::text], ARRAY[report_month(p_closed_at)], ARRAY[p_county], ARRAY[p_sign::bigint], ARRAY[0::bigint]);
  END IF;
  IF p_children THEN
    PERFORM report_panel_add('declined', array_agg(coalesce(o.decline_reason, '')), array_agg(report_month(o.answered_at)),
      array_agg(p_county), array_agg(p_sign::bigint), array_agg(0::bigint))
    FROM offers o WHERE o.request_id = p_request_id AND o.status = 'declined' AND o.answered_at IS NOT NULL
    HAVING count(*) > 0;
    PERFORM report_panel_add('visit', array_agg(''::text), array_agg(date_trunc('month', v.visited_on)::date),
      array_agg(p_county), array_agg(p_sign::bigint), array_agg(p_sign::bigint * v.satisfaction))
    FROM return_visits v WHERE v.request_id = p_request_id
    HAVING count(*) > 0;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION report_panel_on_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM report_panel_apply_request(OLD.id, left(OLD.region_code, 6), OLD.rating, OLD.closed_at,
      TG_OP = 'DELETE' OR left(OLD.region_code, 6) IS DISTINCT FROM left(NEW.region_code, 6), -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM report_panel_apply_request(NEW.id, left(NEW.region_code, 6), NEW.rating, NEW.closed_at,
      TG_OP = 'UPDATE' AND left(OLD.region_code, 6) IS DISTINCT FROM left(NEW.region_code, 6), 1);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_panel_request_insert AFTER INSERT ON requests
  FOR EACH ROW WHEN (NEW.rating IS NOT NULL AND NEW.closed_at IS NOT NULL) EXECUTE FUNCTION report_panel_on_request();
--> statement-breakpoint
CREATE TRIGGER report_panel_request_update AFTER UPDATE ON requests
  FOR EACH ROW WHEN (
    left(OLD.region_code, 6) IS DISTINCT FROM left(NEW.region_code, 6)
    OR OLD.rating IS DISTINCT FROM NEW.rating OR OLD.closed_at IS DISTINCT FROM NEW.closed_at
  ) EXECUTE FUNCTION report_panel_on_request();
--> statement-breakpoint
-- BEFORE, so the request's offers and visits are still there to subtract.
CREATE TRIGGER report_panel_request_delete BEFORE DELETE ON requests
  FOR EACH ROW EXECUTE FUNCTION report_panel_on_request();
--> statement-breakpoint
-- Counts out (old rows) and in (new rows) the declined offers a statement changed, under their
-- request's county (a request already gone, in a cascade, was counted out by its own trigger).
CREATE FUNCTION report_panel_on_offers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM report_panel_add('declined', array_agg(coalesce(o.decline_reason, '')), array_agg(report_month(o.answered_at)),
      array_agg(left(q.region_code, 6)), array_agg(-1::bigint), array_agg(0::bigint))
    FROM old_rows o JOIN requests q ON q.id = o.request_id
    WHERE o.status = 'declined' AND o.answered_at IS NOT NULL
    HAVING count(*) > 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM report_panel_add('declined', array_agg(coalesce(o.decline_reason, '')), array_agg(report_month(o.answered_at)),
      array_agg(left(q.region_code, 6)), array_agg(1::bigint), array_agg(0::bigint))
    FROM new_rows o JOIN requests q ON q.id = o.request_id
    WHERE o.status = 'declined' AND o.answered_at IS NOT NULL
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_panel_offers_insert AFTER INSERT ON offers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_panel_on_offers();
--> statement-breakpoint
CREATE TRIGGER report_panel_offers_update AFTER UPDATE ON offers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_panel_on_offers();
--> statement-breakpoint
CREATE TRIGGER report_panel_offers_delete AFTER DELETE ON offers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_panel_on_offers();
--> statement-breakpoint
CREATE FUNCTION report_panel_on_return_visits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM report_panel_add('visit', array_agg(''::text), array_agg(date_trunc('month', v.visited_on)::date),
      array_agg(left(q.region_code, 6)), array_agg(-1::bigint), array_agg(-v.satisfaction::bigint))
    FROM old_rows v JOIN requests q ON q.id = v.request_id
    HAVING count(*) > 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM report_panel_add('visit', array_agg(''::text), array_agg(date_trunc('month', v.visited_on)::date),
      array_agg(left(q.region_code, 6)), array_agg(1::bigint), array_agg(v.satisfaction::bigint))
    FROM new_rows v JOIN requests q ON q.id = v.request_id
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_panel_return_visits_insert AFTER INSERT ON return_visits
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_panel_on_return_visits();
--> statement-breakpoint
CREATE TRIGGER report_panel_return_visits_update AFTER UPDATE ON return_visits
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_panel_on_return_visits();
--> statement-breakpoint
CREATE TRIGGER report_panel_return_visits_delete AFTER DELETE ON return_visits
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_panel_on_return_visits();
--> statement-breakpoint
-- Recomputes the whole table from the offers, requests and visits (after a bulk load with triggers off).
CREATE FUNCTION report_panel_counts_rebuild() RETURNS void LANGUAGE sql AS $$
  TRUNCATE report_panel_counts;
  INSERT INTO report_panel_counts (panel, key, month, county, count, total)
  SELECT f.panel, f.key, f.month, f.county, count(*), sum(f.total)
  FROM (
    SELECT 'declined' AS panel, coalesce(o.decline_reason, '') AS key, report_month(o.answered_at) AS month, left(q.region_code, 6) AS county, 0 AS total
    FROM offers o JOIN requests q ON q.id = o.request_id WHERE o.status = 'declined' AND o.answered_at IS NOT NULL
    UNION ALL
    SELECT 'rating', q.rating::text, report_month(q.closed_at), left(q.region_code, 6), 0
    FROM requests q WHERE q.rating IS NOT NULL AND q.closed_at IS NOT NULL
    UNION ALL
    SELECT 'visit', '', date_trunc('month', v.visited_on)::date, left(q.region_code, 6), v.satisfaction
    FROM return_visits v JOIN requests q ON q.id = v.request_id
  ) f
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 3, 4, 2;
$$;
--> statement-breakpoint
SELECT report_panel_counts_rebuild();
--> statement-breakpoint
ANALYZE report_panel_counts;
