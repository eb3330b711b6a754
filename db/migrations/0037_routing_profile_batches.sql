-- Routing's per-expert lock becomes a lock on the expert's profile row (SELECT ... FOR UPDATE)
-- instead of an advisory lock. A row lock is kept in the row itself, not in the server's shared
-- lock table, so a transaction that refreshes many experts (a roster import, a recomputation of
-- every profile) no longer needs a lock-table entry per expert: with advisory locks it failed with
-- "out of shared memory" at 50,000 experts. What the lock serialises is unchanged: the refreshes of
-- one expert's profile, and an acceptance's capacity check (lock_expert_routing). The figures are
-- unchanged too, so nothing is recomputed here.
CREATE OR REPLACE FUNCTION refresh_expert_routing_profile(p_expert uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_expert IS NULL THEN
    RETURN;
  END IF;
  -- Waits for a concurrent refresh of this expert to commit; the statement below then takes a fresh
  -- snapshot (read committed) and sees that change.
  PERFORM 1 FROM expert_routing_profiles WHERE expert_id = p_expert FOR UPDATE;
  IF NOT FOUND THEN
    -- The expert's first profile: a row of the expert's own columns claims the key until this
    -- transaction ends (a concurrent first refresh waits for it, then locks the row), and is
    -- filled in below, before anyone else can see it.
    INSERT INTO expert_routing_profiles (expert_id, status, term_start, term_end, paused_until, capacity, home_region_code,
      languages, service_modes, specialties, served_regions)
    SELECT e.id, e.status, e.term_start, e.term_end, e.paused_until, e.capacity, e.home_region_code, e.languages, e.service_modes, '{}', '{}'
    FROM experts e WHERE e.id = p_expert
    ON CONFLICT (expert_id) DO NOTHING;
    IF NOT FOUND THEN
      PERFORM 1 FROM expert_routing_profiles WHERE expert_id = p_expert FOR UPDATE;
    END IF;
  END IF;
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
-- The per-expert lock of routing: refreshes take it, and so does accepting an offer before it
-- checks capacity. Held to the end of the transaction. An expert without a profile gets one.
CREATE OR REPLACE FUNCTION lock_expert_routing(p_expert uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM expert_routing_profiles WHERE expert_id = p_expert FOR UPDATE;
  IF NOT FOUND THEN
    PERFORM refresh_expert_routing_profile(p_expert);
  END IF;
END;
$$;
