-- The dashboard's deadline breaches (offers whose deadline passed unanswered, in the month of the
-- deadline, in total and the ten experts with the most) are counted in report_panel_counts too, as
-- panel 'expired' keyed by the expert's id, by the same triggers that count the declined offers
-- (migrations 0042, 0049). Until now a region's admin counted the zone's expired offers of the
-- period, each joined to its request for its region (at the benchmark's full scale about 20,000 a
-- year); the counts answer them now (lib/reports/dashboard.ts: the whole zone still reads the offers'
-- own index, which is fewer rows). One pass over a statement's offers now counts both panels (a filing's pending
-- offers count in neither and call nothing), as does a request's deletion or move, and the rebuild.
-- The expired offers already there are counted once here.
-- The count an offer adds, if any: declined (by reason, in the month it was answered) or expired (by
-- expert, in the month of its deadline).
CREATE FUNCTION report_panel_offer(p_status offer_status, p_expert_id uuid, p_expires_at timestamptz, p_answered_at timestamptz, p_reason text)
RETURNS TABLE (panel text, key text, month date) LANGUAGE sql IMMUTABLE AS $$
  SELECT 'declined', coalesce(p_reason, ''), report_month(p_answered_at) WHERE p_status = 'declined' AND p_answered_at IS NOT NULL
  UNION ALL
  SELECT 'expired', p_expert_id::text, report_month(p_expires_at) WHERE p_status = 'expired'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_panel_apply_request(p_request_id uuid, p_region text, p_rating smallint, p_closed_at timestamptz, p_children boolean, p_sign integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_rating IS NOT NULL AND p_closed_at IS NOT NULL THEN
    PERFORM report_panel_add('rating', ARRAY[p_rating::text], ARRAY[report_month(p_closed_at)], ARRAY[p_region], ARRAY[p_sign::bigint], ARRAY[0::bigint]);
  END IF;
  IF p_children THEN
    PERFORM report_panel_add(f.panel, array_agg(f.key), array_agg(f.month), array_agg(p_region), array_agg(p_sign::bigint), array_agg(0::bigint))
    FROM offers o CROSS JOIN LATERAL report_panel_offer(o.status, o.expert_id, o.expires_at, o.answered_at, o.decline_reason) f
    WHERE o.request_id = p_request_id AND o.status IN ('declined', 'expired')
    GROUP BY f.panel;
    PERFORM report_panel_add('visit', array_agg(''::text), array_agg(date_trunc('month', v.visited_on)::date),
      array_agg(p_region), array_agg(p_sign::bigint), array_agg(p_sign::bigint * v.satisfaction))
    FROM return_visits v WHERE v.request_id = p_request_id
    HAVING count(*) > 0;
  END IF;
END;
$$;
--> statement-breakpoint
-- Counts out (old rows) and in (new rows) the declined and expired offers a statement changed, under
-- their request's region (a request already gone, in a cascade, was counted out by its own trigger).
CREATE OR REPLACE FUNCTION report_panel_on_offers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM report_panel_add(f.panel, array_agg(f.key), array_agg(f.month), array_agg(q.region_code), array_agg(-1::bigint), array_agg(0::bigint))
    FROM old_rows o JOIN requests q ON q.id = o.request_id
    CROSS JOIN LATERAL report_panel_offer(o.status, o.expert_id, o.expires_at, o.answered_at, o.decline_reason) f
    WHERE o.status IN ('declined', 'expired')
    GROUP BY f.panel;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM report_panel_add(f.panel, array_agg(f.key), array_agg(f.month), array_agg(q.region_code), array_agg(1::bigint), array_agg(0::bigint))
    FROM new_rows o JOIN requests q ON q.id = o.request_id
    CROSS JOIN LATERAL report_panel_offer(o.status, o.expert_id, o.expires_at, o.answered_at, o.decline_reason) f
    WHERE o.status IN ('declined', 'expired')
    GROUP BY f.panel;
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
    SELECT c.panel, c.key, c.month, q.region_code AS region, 0 AS total
    FROM offers o JOIN requests q ON q.id = o.request_id
    CROSS JOIN LATERAL report_panel_offer(o.status, o.expert_id, o.expires_at, o.answered_at, o.decline_reason) c
    WHERE o.status IN ('declined', 'expired')
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
INSERT INTO report_panel_counts AS t (panel, key, month, region_code, count, total)
SELECT 'expired', o.expert_id::text, report_month(o.expires_at), r.region_code, count(*), 0
FROM offers o JOIN requests q ON q.id = o.request_id
CROSS JOIN LATERAL report_panel_regions(q.region_code) AS r(region_code)
WHERE o.status = 'expired'
GROUP BY 2, 3, 4
ORDER BY 3, 4, 2
ON CONFLICT (panel, month, region_code, key) DO UPDATE SET count = t.count + excluded.count;
--> statement-breakpoint
ANALYZE report_panel_counts;
