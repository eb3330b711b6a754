import { sql } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";
import { arrayLiteral } from "@/db/array-literal";
import type { ExpertStatus } from "@/lib/enums";
import type { CandidateFacts, RoutingRequest, StandingHere } from "./types";

/**
 * Which experts to load with their standing on the request: every expert with a current
 * appointment (with the facts that exclude some), those of the given ones with a current
 * appointment (the admin's list, for the experts ruled out here), or one expert whatever their
 * state (to check a pin or a last-moment change). Ranking reads the profiles from memory instead
 * (routing-snapshot.ts).
 */
export type CandidateScope = { kind: "all" } | { kind: "some"; expertIds: string[] } | { kind: "one"; expertId: string };

/** One expert_routing_profiles row as profileColumns reads it. */
export interface ProfileRow {
  expert_id: string;
  status: ExpertStatus;
  term_start: string | null;
  term_end: string | null;
  paused_until: string | null;
  capacity: number;
  home_region_code: string;
  name: string;
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
}

interface Row extends ProfileRow {
  conflict_party: string | null;
  standing: StandingHere;
  skipped: boolean;
  panel_member: boolean;
}

const list = (value: string) => (value ? value.split(",") : []);

/** The routing profile's columns, as ProfileRow names them (table alias p). */
export const profileColumns = sql`p.expert_id, p.status, p.term_start::text as term_start, p.term_end::text as term_end,
  p.paused_until::text as paused_until, p.capacity, p.home_region_code, p.name,
  array_to_string(p.languages, ',') as languages, array_to_string(p.service_modes, ',') as service_modes,
  array_to_string(p.specialties, ',') as specialties, array_to_string(p.served_regions, ',') as served_regions,
  p.active_cases, p.pending_offers, p.offers_accepted, p.offers_declined, p.offers_expired, p.cases_resolved,
  p.cases_reassigned, p.rating_sum, p.rating_count, p.rotation_heat,
  (extract(epoch from p.rotation_at) * 1000)::float8 as rotation_at`;

/** A candidate's facts from a profile row, with what they are on this request when known. */
export function factsOf(r: ProfileRow, here: Partial<Pick<Row, "conflict_party" | "standing" | "skipped" | "panel_member">> = {}): CandidateFacts {
  return {
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
    conflictParty: here.conflict_party ?? null,
    standing: here.standing ?? null,
    skipped: Boolean(here.skipped),
    panelMember: Boolean(here.panel_member),
  };
}

/**
 * The request's parties (its enterprise and every counterparty), the experts with a declared
 * conflict against one of them (by normalised name or credit code, through the indexes), and the
 * experts an admin skipped on it, and the live members of its panel. A company waiting for verification is checked by the code it claims.
 */
function partiesAndConflicts(request: RoutingRequest) {
  return sql`parties as (
      select e.name as label, e.name_normalized as n, coalesce(e.credit_code, e.claimed_credit_code) as c from enterprises e where e.id = ${request.enterpriseId}
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
    ),
    panel as (
      select pm.expert_id from panel_members pm where pm.request_id = ${request.id} and pm.status in ('invited', 'accepted')
    )`;
}

/** SQL: the experts ruled out of this request whatever their profile (a conflict, an offer already made on it, a skip, or a seat on its panel), as a JSON array of ids. */
export function ruledOutHereJson(request: RoutingRequest) {
  return sql`(with ${partiesAndConflicts(request)}
    select coalesce(json_agg(x.expert_id), '[]') from (
      select expert_id from conflicted
      union select expert_id from offers where request_id = ${request.id}
      union select expert_id from skipped
      union select expert_id from panel) x)`;
}

/**
 * The candidates' facts from expert_routing_profiles, with each one's standing on the request:
 * the party they declared a conflict with, their latest offer on it, whether an admin skipped them, and whether they sit on its panel.
 */
export async function loadCandidateFacts(handle: DbOrTx, request: RoutingRequest, scope: CandidateScope, today: string): Promise<CandidateFacts[]> {
  const appointed = sql`p.status in ('active', 'suspended') and p.term_start <= ${today}::date and p.term_end > ${today}::date`;
  const which =
    scope.kind === "one"
      ? sql`p.expert_id = ${scope.expertId}`
      : scope.kind === "some"
        ? sql`p.expert_id = any(${arrayLiteral(scope.expertIds)}::uuid[]) and ${appointed}`
        : appointed;
  const query = sql`with ${partiesAndConflicts(request)}
    select ${profileColumns},
      (select min(c.label) from conflicted c where c.expert_id = p.expert_id) as conflict_party,
      (select case when o.status = 'withdrawn' and o.decline_reason = 'reassigned' then 'reassigned' else o.status::text end
         from offers o where o.request_id = ${request.id} and o.expert_id = p.expert_id
         order by o.created_at desc limit 1) as standing,
      exists (select 1 from skipped s where s.expert_id = p.expert_id) as skipped,
      exists (select 1 from panel pm where pm.expert_id = p.expert_id) as panel_member
    from expert_routing_profiles p
    where ${which}`;
  return rowsOf<Row>(await handle.execute(query)).map((r) => factsOf(r, r));
}
