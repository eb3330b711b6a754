-- The directory's orders are served by indexes. A page of the directory was read by sorting
-- every current expert joined to its routing profile (the track record lives there, the name and the
-- years of practice on the expert): at 10,000 experts, 40-56 ms for a page past the first. The
-- profile now keeps the name and years of practice too, copied like its other columns of the expert
-- (by refresh_expert_routing_profile, on any write to those columns), and each of the directory's
-- three orders is one index on the profiles, so a page is read in order and stops at its last row.
ALTER TABLE "expert_routing_profiles" ADD COLUMN "name" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "expert_routing_profiles" ADD COLUMN "years_of_practice" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
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
      name, years_of_practice, languages, service_modes, specialties, served_regions)
    SELECT e.id, e.status, e.term_start, e.term_end, e.paused_until, e.capacity, e.home_region_code,
      e.name, e.years_of_practice, e.languages, e.service_modes, '{}', '{}'
    FROM experts e WHERE e.id = p_expert
    ON CONFLICT (expert_id) DO NOTHING;
    IF NOT FOUND THEN
      PERFORM 1 FROM expert_routing_profiles WHERE expert_id = p_expert FOR UPDATE;
    END IF;
  END IF;
  INSERT INTO expert_routing_profiles AS p (
    expert_id, status, term_start, term_end, paused_until, capacity, home_region_code, name, years_of_practice, languages, service_modes,
    specialties, served_regions, active_cases, pending_offers, offers_accepted, offers_declined, offers_expired,
    cases_resolved, cases_reassigned, rating_sum, rating_count, rotation_heat, rotation_at
  )
  SELECT
    e.id, e.status, e.term_start, e.term_end, e.paused_until, e.capacity, e.home_region_code, e.name, e.years_of_practice,
    e.languages, e.service_modes,
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
    name = excluded.name,
    years_of_practice = excluded.years_of_practice,
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
DROP TRIGGER experts_routing_profile ON experts;
--> statement-breakpoint
CREATE TRIGGER experts_routing_profile AFTER INSERT OR UPDATE OF status, term_start, term_end, paused_until, capacity, home_region_code, name, years_of_practice, languages, service_modes ON experts
  FOR EACH ROW EXECUTE FUNCTION routing_profile_touch();
--> statement-breakpoint
-- The profiles that exist get the two columns (nothing else changed, so no profile is recomputed);
-- then the indexes are built on the filled table.
UPDATE expert_routing_profiles p SET name = e.name, years_of_practice = e.years_of_practice FROM experts e WHERE e.id = p.expert_id;
--> statement-breakpoint
CREATE INDEX "expert_routing_profiles_directory_idx" ON "expert_routing_profiles" USING btree ("status","cases_resolved" DESC NULLS FIRST,"years_of_practice" DESC NULLS FIRST,"name","expert_id");
--> statement-breakpoint
CREATE INDEX "expert_routing_profiles_directory_years_idx" ON "expert_routing_profiles" USING btree ("status","years_of_practice" DESC NULLS FIRST,"cases_resolved" DESC NULLS FIRST,"name","expert_id");
--> statement-breakpoint
CREATE INDEX "expert_routing_profiles_directory_rating_idx" ON "expert_routing_profiles" USING btree ("status",round("rating_sum"::numeric / nullif("rating_count", 0), 1) desc nulls last,"rating_count" DESC NULLS FIRST,"cases_resolved" DESC NULLS FIRST,"name","expert_id");
--> statement-breakpoint
ANALYZE expert_routing_profiles;
