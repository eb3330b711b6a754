-- Routing profiles (table expert_routing_profiles) kept exact by triggers, in the same transaction
-- as every write to experts, expert_specialties, expert_regions, offers and requests, whatever code
-- makes the write. A refresh recomputes the expert's whole row from those tables (no counters that
-- could drift), under a per-expert lock so that a change committed concurrently is never lost.

-- The per-expert lock of routing: refreshes take it, and so does accepting an offer before it checks
-- capacity. Held to the end of the transaction.
CREATE FUNCTION lock_expert_routing(p_expert uuid) RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtext('expert_routing_profiles'), hashtext(p_expert::text))
$$;
--> statement-breakpoint
CREATE FUNCTION refresh_expert_routing_profile(p_expert uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_expert IS NULL THEN
    RETURN;
  END IF;
  -- Waits for a concurrent refresh of this expert to commit; the statement below then takes a fresh
  -- snapshot (read committed) and sees that change.
  PERFORM lock_expert_routing(p_expert);
  INSERT INTO expert_routing_profiles AS p (
    expert_id, status, term_start, term_end, paused_until, capacity, home_region_code, languages, service_modes,
    specialties, served_regions, active_cases, pending_offers, offers_accepted, offers_declined, offers_expired,
    cases_resolved, cases_reassigned, rating_sum, rating_count, rotation_heat, rotation_at
  )
  SELECT
    e.id, e.status, e.term_start, e.term_end, e.paused_until, e.capacity, e.home_region_code, e.languages, e.service_modes,
    coalesce((SELECT array_agg(s.specialty_code ORDER BY s.specialty_code) FROM expert_specialties s WHERE s.expert_id = e.id), '{}'),
    coalesce((SELECT array_agg(g.region_code ORDER BY g.region_code) FROM expert_regions g WHERE g.expert_id = e.id), '{}'),
    rq.active, o.pending, o.accepted, o.declined, o.expired, rq.resolved, o.reassigned, rq.rating_sum, rq.rating_count,
    coalesce(o.heat, 0), o.last_at
  FROM experts e
  CROSS JOIN LATERAL (
    SELECT
      count(*) FILTER (WHERE r.status IN ('accepted', 'in_progress'))::int AS active,
      count(*) FILTER (WHERE r.status IN ('resolved', 'closed'))::int AS resolved,
      coalesce(sum(r.rating), 0)::int AS rating_sum,
      count(r.rating)::int AS rating_count
    FROM requests r
    WHERE r.assigned_expert_id = e.id
  ) rq
  CROSS JOIN LATERAL (
    SELECT
      count(*) FILTER (WHERE f.status = 'pending')::int AS pending,
      -- an accepted offer later withdrawn because the case was reassigned still counts as accepted
      count(*) FILTER (WHERE f.status = 'accepted' OR (f.status = 'withdrawn' AND f.decline_reason = 'reassigned'))::int AS accepted,
      count(*) FILTER (WHERE f.status = 'declined')::int AS declined,
      count(*) FILTER (WHERE f.status = 'expired')::int AS expired,
      count(*) FILTER (WHERE f.status = 'withdrawn' AND f.decline_reason = 'reassigned')::int AS reassigned,
      max(f.created_at) AS last_at,
      -- each offer counts 1 at its time, halving every 14 days, as of the latest offer
      sum(power(0.5::float8, (extract(epoch FROM (l.latest - f.created_at)) / 1209600.0)::float8))
        FILTER (WHERE f.created_at > l.latest - interval '180 days') AS heat
    FROM offers f
    CROSS JOIN (SELECT max(x.created_at) AS latest FROM offers x WHERE x.expert_id = e.id) l
    WHERE f.expert_id = e.id
  ) o
  WHERE e.id = p_expert
  ON CONFLICT (expert_id) DO UPDATE SET
    status = excluded.status,
    term_start = excluded.term_start,
    term_end = excluded.term_end,
    paused_until = excluded.paused_until,
    capacity = excluded.capacity,
    home_region_code = excluded.home_region_code,
    languages = excluded.languages,
    service_modes = excluded.service_modes,
    specialties = excluded.specialties,
    served_regions = excluded.served_regions,
    active_cases = excluded.active_cases,
    pending_offers = excluded.pending_offers,
    offers_accepted = excluded.offers_accepted,
    offers_declined = excluded.offers_declined,
    offers_expired = excluded.offers_expired,
    cases_resolved = excluded.cases_resolved,
    cases_reassigned = excluded.cases_reassigned,
    rating_sum = excluded.rating_sum,
    rating_count = excluded.rating_count,
    rotation_heat = excluded.rotation_heat,
    rotation_at = excluded.rotation_at;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION routing_profile_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_old uuid;
  v_new uuid;
BEGIN
  IF TG_TABLE_NAME = 'experts' THEN
    v_new := NEW.id;
  ELSIF TG_TABLE_NAME = 'requests' THEN
    IF TG_OP <> 'INSERT' THEN v_old := OLD.assigned_expert_id; END IF;
    IF TG_OP <> 'DELETE' THEN v_new := NEW.assigned_expert_id; END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN v_old := OLD.expert_id; END IF;
    IF TG_OP <> 'DELETE' THEN v_new := NEW.expert_id; END IF;
  END IF;
  IF v_old IS NOT NULL AND v_new IS NOT NULL AND v_old <> v_new THEN
    -- a fixed order, so two writers touching the same two experts lock them in the same order
    PERFORM refresh_expert_routing_profile(least(v_old, v_new));
    PERFORM refresh_expert_routing_profile(greatest(v_old, v_new));
  ELSE
    PERFORM refresh_expert_routing_profile(coalesce(v_new, v_old));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER experts_routing_profile AFTER INSERT OR UPDATE OF status, term_start, term_end, paused_until, capacity, home_region_code, languages, service_modes ON experts
  FOR EACH ROW EXECUTE FUNCTION routing_profile_touch();
--> statement-breakpoint
CREATE TRIGGER expert_specialties_routing_profile AFTER INSERT OR UPDATE OR DELETE ON expert_specialties
  FOR EACH ROW EXECUTE FUNCTION routing_profile_touch();
--> statement-breakpoint
CREATE TRIGGER expert_regions_routing_profile AFTER INSERT OR UPDATE OR DELETE ON expert_regions
  FOR EACH ROW EXECUTE FUNCTION routing_profile_touch();
--> statement-breakpoint
CREATE TRIGGER offers_routing_profile AFTER INSERT OR UPDATE OF status, expert_id, decline_reason, created_at OR DELETE ON offers
  FOR EACH ROW EXECUTE FUNCTION routing_profile_touch();
--> statement-breakpoint
CREATE TRIGGER requests_routing_profile_insert AFTER INSERT ON requests
  FOR EACH ROW WHEN (NEW.assigned_expert_id IS NOT NULL) EXECUTE FUNCTION routing_profile_touch();
--> statement-breakpoint
CREATE TRIGGER requests_routing_profile_update AFTER UPDATE OF status, assigned_expert_id, rating ON requests
  FOR EACH ROW WHEN (OLD.assigned_expert_id IS NOT NULL OR NEW.assigned_expert_id IS NOT NULL) EXECUTE FUNCTION routing_profile_touch();
--> statement-breakpoint
CREATE TRIGGER requests_routing_profile_delete AFTER DELETE ON requests
  FOR EACH ROW WHEN (OLD.assigned_expert_id IS NOT NULL) EXECUTE FUNCTION routing_profile_touch();
--> statement-breakpoint
-- Databases that already hold experts get their profiles now.
SELECT refresh_expert_routing_profile(id) FROM experts;
