import { isTermCurrent } from "@/lib/roster/term";
import type { Reason } from "./reasons";
import type { CandidateFacts, RoutingRequest, StandingHere } from "./types";

const standingCodes: Record<Exclude<StandingHere, null>, string> = {
  pending: "excluded.offerPending",
  accepted: "excluded.currentExpert",
  declined: "excluded.declinedHere",
  expired: "excluded.expiredHere",
  withdrawn: "excluded.withdrawnHere",
  reassigned: "excluded.reassignedHere",
};

/**
 * The hard filters of matching, as one rule: why this expert cannot be offered this request
 * today, or null when they can. The first reason that applies is the one shown. Ranking applies it
 * to every profile, and the admin's list shows the reason for each expert it excludes.
 */
export function exclusionOf(request: RoutingRequest, f: CandidateFacts, today: string): Reason | null {
  const termCurrent = isTermCurrent(f.termStart, f.termEnd, today);
  if (f.status === "suspended" && termCurrent) return { code: "excluded.suspended" };
  if (f.status !== "active" || !termCurrent) return { code: "excluded.notCurrent" };
  if (f.pausedUntil && today < f.pausedUntil) return { code: "excluded.paused", params: { until: f.pausedUntil } };
  if (f.conflictParty) return { code: "excluded.conflict", params: { party: f.conflictParty } };
  if (f.standing) return { code: standingCodes[f.standing] };
  if (f.skipped) return { code: "excluded.skipped" };
  if (f.panelMember) return { code: "excluded.panelMember" };
  if (!request.specialtiesFromCategory && request.specialties.length && !request.specialties.some((s) => f.specialties.includes(s)))
    return { code: "excluded.noSpecialty" };
  if (f.activeCases + f.pendingOffers >= f.capacity) {
    return { code: "excluded.atCapacity", params: { active: f.activeCases, pending: f.pendingOffers, capacity: f.capacity } };
  }
  return null;
}

/**
 * Whether the admin's list shows the expert at all (ranked or excluded): active or suspended with a
 * current appointment. The same as the SQL filter of loadCandidateFacts `{ kind: "all" }`.
 */
export function isListed(f: CandidateFacts, today: string): boolean {
  return (f.status === "active" || f.status === "suspended") && isTermCurrent(f.termStart, f.termEnd, today);
}
