import { sql } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";
import type { ExpertStatus } from "@/db/schema/enums";
import type { CandidateFacts, RoutingRequest, StandingHere } from "./types";

/**
 * Which experts to load: only those routing may offer the request to (filtered in SQL, for
 * ranking), every expert with a current appointment (with the facts that exclude some, for the
 * admin's list), or one expert whatever their state (to check a pin or a last-moment change).
 */
export type CandidateScope = { kind: "eligible" } | { kind: "all" } | { kind: "one"; expertId: string };

interface Row {
  expert_id: string;
  name: string | null;
  status: ExpertStatus;
  term_start: string | null;
  term_end: string | null;
  paused_until: string | null;
  capacity: number;
  home_region_code: string;
  languages: string;
  service_modes: string;
  specialties: string;
  served_regions: string;
  active_cases: number;
  pending_offers: number;
  offers_accepted: number;
  offers_declined: number;
  offers_expired: number;
  cases_resolved: number;
  cases_reassigned: number;
  rating_sum: number;
  rating_count: number;
  rotation_heat: number;
  rotation_at: number | null;
  conflict_party: string | null;
  standing: StandingHere;
  skipped: boolean;
}

const list = (value: string, separator = ",") => (value ? value.split(separator) : []);

/**
 * A candidate from its packed profile line (migration routing_profile_packed_trigger sets it):
 * expert_id|capacity|active|pending|accepted|declined|expired|resolved|reassigned|rating_sum|
 * rating_count|heat|rotation_at_ms|home|served;…|specialties;…|languages;…|modes;…
 * Only experts that passed every hard filter are packed, so the status and term are known.
 */
function unpack(line: string): CandidateFacts {
  const f = line.split("|");
  const n = (i: number) => Number(f[i]);
  return {
    expertId: f[0]!,
    name: null,
    status: "active",
    termStart: null,
    termEnd: null,
    pausedUntil: null,
    capacity: n(1),
    activeCases: n(2),
    pendingOffers: n(3),
    offersAccepted: n(4),
    offersDeclined: n(5),
    offersExpired: n(6),
    casesResolved: n(7),
    casesReassigned: n(8),
    ratingSum: n(9),
    ratingCount: n(10),
    rotationHeat: n(11),
    rotationAt: f[12] ? n(12) : null,
    homeRegionCode: f[13]!,
    servedRegions: list(f[14]!, ";"),
    specialties: list(f[15]!, ";"),
    languages: list(f[16]!, ";"),
    serviceModes: list(f[17]!, ";"),
    conflictParty: null,
    standing: null,
    skipped: false,
  };
}
const textArray = (values: string[]) => sql`${`{${values.join(",")}}`}::text[]`;

/**
 * The candidates' facts from expert_routing_profiles, with the hard filters and the conflict check
 * (declared conflicts against the enterprise and every counterparty, by normalised name or credit
 * code) done in SQL through the indexes. For ranking, one packed line per candidate in a single
 * text value (the cheapest thing to transfer and read); for screens, columns with names.
 */
export async function loadCandidateFacts(handle: DbOrTx, request: RoutingRequest, scope: CandidateScope, today: string): Promise<CandidateFacts[]> {
  const profileColumns = sql`p.expert_id, p.status, p.term_start::text as term_start, p.term_end::text as term_end,
    p.paused_until::text as paused_until, p.capacity, p.home_region_code,
    array_to_string(p.languages, ',') as languages, array_to_string(p.service_modes, ',') as service_modes,
    array_to_string(p.specialties, ',') as specialties, array_to_string(p.served_regions, ',') as served_regions,
    p.active_cases, p.pending_offers, p.offers_accepted, p.offers_declined, p.offers_expired, p.cases_resolved,
    p.cases_reassigned, p.rating_sum, p.rating_count, p.rotation_heat,
    (extract(epoch from p.rotation_at) * 1000)::float8 as rotation_at`;
  const parties = sql`parties as (
      select e.name as label, e.name_normalized as n, e.credit_code as c from enterprises e where e.id = ${request.enterpriseId}
      union all
      select rc.name, rc.name_normalized, rc.credit_code from request_counterparties rc where rc.request_id = ${request.id}
    ),
    conflicted as (
      select ec.expert_id, p.label from expert_conflicts ec join parties p on ec.name_normalized = p.n
      union all
      select ec.expert_id, p.label from expert_conflicts ec join parties p on ec.credit_code = p.c where p.c is not null
    ),
    skipped as (
      select (ev.data->>'expertId')::uuid as expert_id from events ev where ev.request_id = ${request.id} and ev.type = 'routing.skipped'
    )`;

  if (scope.kind === "eligible") {
    // Many rows: each candidate comes back as its packed line, all in one text value.
    const specialtyFilter = request.specialties.length ? sql`and p.specialties && ${textArray(request.specialties)}` : sql``;
    const [row] = rowsOf<{ lines: string | null }>(
      await handle.execute(sql`with ${parties}
        select string_agg(p.packed, E'\n') as lines
        from expert_routing_profiles p
        where p.status = 'active' and p.term_start <= ${today}::date and p.term_end > ${today}::date
          and (p.paused_until is null or p.paused_until <= ${today}::date)
          and p.active_cases + p.pending_offers < p.capacity
          ${specialtyFilter}
          and not exists (select 1 from conflicted c where c.expert_id = p.expert_id)
          and not exists (select 1 from offers o where o.request_id = ${request.id} and o.expert_id = p.expert_id)
          and not exists (select 1 from skipped s where s.expert_id = p.expert_id)`),
    );
    return row?.lines ? row.lines.split("\n").map(unpack) : [];
  }
  const which =
    scope.kind === "one"
      ? sql`p.expert_id = ${scope.expertId}`
      : sql`p.status in ('active', 'suspended') and p.term_start <= ${today}::date and p.term_end > ${today}::date`;
  const query = sql`with ${parties}
    select ${profileColumns}, x.name,
      (select min(c.label) from conflicted c where c.expert_id = p.expert_id) as conflict_party,
      (select case when o.status = 'withdrawn' and o.decline_reason = 'reassigned' then 'reassigned' else o.status::text end
         from offers o where o.request_id = ${request.id} and o.expert_id = p.expert_id
         order by o.created_at desc limit 1) as standing,
      exists (select 1 from skipped s where s.expert_id = p.expert_id) as skipped
    from expert_routing_profiles p join experts x on x.id = p.expert_id
    where ${which}`;
  return rowsOf<Row>(await handle.execute(query)).map((r) => ({
    expertId: r.expert_id,
    name: r.name,
    status: r.status,
    termStart: r.term_start,
    termEnd: r.term_end,
    pausedUntil: r.paused_until,
    capacity: Number(r.capacity),
    homeRegionCode: r.home_region_code,
    languages: list(r.languages),
    serviceModes: list(r.service_modes),
    specialties: list(r.specialties),
    servedRegions: list(r.served_regions),
    activeCases: Number(r.active_cases),
    pendingOffers: Number(r.pending_offers),
    offersAccepted: Number(r.offers_accepted),
    offersDeclined: Number(r.offers_declined),
    offersExpired: Number(r.offers_expired),
    casesResolved: Number(r.cases_resolved),
    casesReassigned: Number(r.cases_reassigned),
    ratingSum: Number(r.rating_sum),
    ratingCount: Number(r.rating_count),
    rotationHeat: Number(r.rotation_heat),
    rotationAt: r.rotation_at === null ? null : Number(r.rotation_at),
    conflictParty: r.conflict_party,
    standing: r.standing,
    skipped: Boolean(r.skipped),
  }));
}
