-- The dashboard's panel counts (offers declined, ratings, return visits: migration 0042) are kept
-- per town too. Until now a town's admin counted them from the offers, requests and visits of the
-- whole zone in the period, filtered by region (at a tenth of the benchmark's scale, 13 ms for a
-- town's satisfaction panel against under a millisecond for its county's counts; ten times that at
-- full scale). Every count is now added under the request's county, as before, and again under its
-- town when the request lies in one (report_panel_regions): a county or wider scope reads the
-- six-digit rows as it did (as many rows as before), a town its own.
-- report_panel_add's and report_panel_apply_request's region parameter is renamed (so they are
-- dropped and created; their callers are PL/pgSQL and find them by name at run time); the triggers
-- and the rebuild pass the request's region instead of its first six digits; a request moved between
-- two towns of one county now moves its town rows (its county rows stay). Then the counts are rebuilt.
ALTER TABLE report_panel_counts RENAME COLUMN county TO region_code;
--> statement-breakpoint
-- The rows a count of a request in this region goes to: its county's, and its town's when it lies in one.
CREATE FUNCTION report_panel_regions(p_region text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT left(p_region, 6)
  UNION ALL
  SELECT p_region WHERE length(p_region) > 6
$$;
--> statement-breakpoint
DROP FUNCTION report_panel_add(text, text[], date[], text[], bigint[], bigint[]);
--> statement-breakpoint
-- Adds signed counts, grouped, in the key's order (concurrent writers lock shared rows in the same order).
CREATE FUNCTION report_panel_add(p_panel text, p_keys text[], p_months date[], p_regions text[], p_counts bigint[], p_totals bigint[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_panel_counts AS t (panel, key, month, region_code, count, total)
  SELECT p_panel, f.key, f.month, r.region_code, sum(f.count), sum(f.total)
  FROM unnest(p_keys, p_months, p_regions, p_counts, p_totals) AS f(key, month, region, count, total)
  CROSS JOIN LATERAL report_panel_regions(f.region) AS r(region_code)
  GROUP BY 2, 3, 4
  HAVING sum(f.count) <> 0 OR sum(f.total) <> 0
  ORDER BY 3, 4, 2
  ON CONFLICT (panel, month, region_code, key) DO UPDATE SET count = t.count + excluded.count, total = t.total + excluded.total
$$;
--> statement-breakpoint
DROP FUNCTION report_panel_apply_request(uuid, text, smallint, timestamptz, boolean, integer);
--> statement-breakpoint
-- What one request contributes: its rating, and (p_children) its declined offers and its visits,
-- under the given region, with the sign p_sign.
CREATE FUNCTION report_panel_apply_request(p_request_id uuid, p_region text, p_rating smallint, p_closed_at timestamptz, p_children boolean, p_sign integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_rating IS NOT NULL AND p_closed_at IS NOT NULL THEN
    PERFORM report_panel_add('rating', ARRAY[p_rating::text], ARRAY[report_month(p_closed_at)], ARRAY[p_region], ARRAY[p_sign::bigint], ARRAY[0::bigint]);
  END IF;
  IF p_children THEN
    PERFORM report_panel_add('declined', array_agg(coalesce(o.decline_reason, '')), array_agg(report_month(o.answered_at)),
      array_agg(p_region), array_agg(p_sign::bigint), array_agg(0::bigint))
    FROM offers o WHERE o.request_id = p_request_id AND o.status = 'declined' AND o.answered_at IS NOT NULL
    HAVING count(*) > 0;
    PERFORM report_panel_add('visit', array_agg(''::text), array_agg(date_trunc('month', v.visited_on)::date),
      array_agg(p_region), array_agg(p_sign::bigint), array_agg(p_sign::bigint * v.satisfaction))
    FROM return_visits v WHERE v.request_id = p_request_id
    HAVING count(*) > 0;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_panel_on_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM report_panel_apply_request(OLD.id, OLD.region_code, OLD.rating, OLD.closed_at,
      TG_OP = 'DELETE' OR OLD.region_code IS DISTINCT FROM NEW.region_code, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM report_panel_apply_request(NEW.id, NEW.region_code, NEW.rating, NEW.closed_at,
      TG_OP = 'UPDATE' AND OLD.region_code IS DISTINCT FROM NEW.region_code, 1);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER report_panel_request_update ON requests;
--> statement-breakpoint
CREATE TRIGGER report_panel_request_update AFTER UPDATE ON requests
  FOR EACH ROW WHEN (
    OLD.region_code IS DISTINCT FROM NEW.region_code
    OR OLD.rating IS DISTINCT FROM NEW.rating OR OLD.closed_at IS DISTINCT FROM NEW.closed_at
  ) EXECUTE FUNCTION report_panel_on_request();
--> statement-breakpoint
-- Counts out (old rows) and in (new rows) the declined offers a statement changed, under their
-- request's region (a request already gone, in a cascade, was counted out by its own trigger).
CREATE OR REPLACE FUNCTION report_panel_on_offers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM report_panel_add('declined', array_agg(coalesce(o.decline_reason, '')), array_agg(report_month(o.answered_at)),
      array_agg(q.region_code), array_agg(-1::bigint), array_agg(0::bigint))
    FROM old_rows o JOIN requests q ON q.id = o.request_id
    WHERE o.status = 'declined' AND o.answered_at IS NOT NULL
    HAVING count(*) > 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM report_panel_add('declined', array_agg(coalesce(o.decline_reason, '')), array_agg(report_month(o.answered_at)),
      array_agg(q.region_code), array_agg(1::bigint), array_agg(0::bigint))
    FROM new_rows o JOIN requests q ON q.id = o.request_id
    WHERE o.status = 'declined' AND o.answered_at IS NOT NULL
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_panel_on_return_visits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM report_panel_add('visit', array_agg(''::text), array_agg(date_trunc('month', v.visited_on)::date),
      array_agg(q.region_code), array_agg(-1::bigint), array_agg(-v.satisfaction::bigint))
    FROM old_rows v JOIN requests q ON q.id = v.request_id
    HAVING count(*) > 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM report_panel_add('visit', array_agg(''::text), array_agg(date_trunc('month', v.visited_on)::date),
      array_agg(q.region_code), array_agg(1::bigint), array_agg(v.satisfaction::bigint))
    FROM new_rows v JOIN requests q ON q.id = v.request_id
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Recomputes the whole table from the offers, requests and visits (after a bulk load with triggers off).
CREATE OR REPLACE FUNCTION report_panel_counts_rebuild() RETURNS void LANGUAGE sql AS $$
  TRUNCATE report_panel_counts;
  INSERT INTO report_panel_counts (panel, key, month, region_code, count, total)
  SELECT f.panel, f.key, f.month, r.region_code, count(*), sum(f.total)
  FROM (
    SELECT 'declined' AS panel, coalesce(o.decline_reason, '') AS key, report_month(o.answered_at) AS month, q.region_code AS region, 0 AS total
    FROM offers o JOIN requests q ON q.id = o.request_id WHERE o.status = 'declined' AND o.answered_at IS NOT NULL
    UNION ALL
    SELECT 'rating', q.rating::text, report_month(q.closed_at), q.region_code, 0
    FROM requests q WHERE q.rating IS NOT NULL AND q.closed_at IS NOT NULL
    UNION ALL
    SELECT 'visit', '', date_trunc('month', v.visited_on)::date, q.region_code, v.satisfaction
    FROM return_visits v JOIN requests q ON q.id = v.request_id
  ) f
  CROSS JOIN LATERAL report_panel_regions(f.region) AS r(region_code)
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 3, 4, 2;
$$;
--> statement-breakpoint
SELECT report_panel_counts_rebuild();
--> statement-breakpoint
ANALYZE report_panel_counts;
