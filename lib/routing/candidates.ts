import { db, type DbOrTx } from "@/db";
import { requirePermission, type Actor } from "@/lib/authz";
import { conflict, notFound } from "@/lib/errors";
import { currentTime, todayInShanghai } from "@/lib/clock";
import { loadCandidateFacts } from "./candidate-rows";
import { exclusionOf } from "./exclusions";
import type { Reason } from "./reasons";
import { loadRoutingRequest } from "./load-routing-request";
import { readRoutingSnapshot } from "./routing-snapshot";
import type { RoutingSettings } from "./schemas";
import { Ranking, type RankedCandidate } from "./ranking";
import { explainScore, recentOffers, scoreOf, scoringContext, type Scored } from "./score";
import type { CandidateFacts, RoutingRequest } from "./types";
import { getRoutingSettings } from "./weights";

export type ExplainedCandidate = Omit<RankedCandidate, "facts"> & Scored;

export interface ExcludedCandidate {
  expertId: string;
  name: string | null;
  why: Reason;
}

/** Statuses in which a request has candidates worth showing: to route, or to reassign. */
export const RANKABLE_STATUSES = ["triaged", "offered", "accepted", "in_progress"] as const;

/** Scores the given candidates (see Ranking for the order). */
export function rankFacts(request: RoutingRequest, facts: CandidateFacts[], settings: RoutingSettings, now: Date): Ranking {
  const ctx = scoringContext(request, settings.weights, now);
  const ranking = new Ranking();
  for (const f of facts) ranking.add(f, scoreOf(ctx, f), recentOffers(f.rotationHeat, f.rotationAt, now));
  return ranking;
}

/** The parts and reasons behind a ranked candidate's score. */
export function explainCandidate(request: RoutingRequest, candidate: RankedCandidate, settings: RoutingSettings, now: Date): ExplainedCandidate {
  const { facts, ...rest } = candidate;
  return { ...rest, ...explainScore(scoringContext(request, settings.weights, now), facts) };
}

/**
 * The experts routing may offer the request to now, best first: the hard filters (exclusionOf) over
 * every routing profile (kept in memory, see routing-snapshot.ts), less the experts ruled out here by
 * a conflict, an offer or a skip. Scored best first as far as the caller reads (ProfileTable.rank);
 * `full` scores every eligible expert instead, with the same result (bench-routing compares them).
 */
export async function rankEligible(
  handle: DbOrTx,
  request: RoutingRequest,
  options: { now?: Date; settings?: RoutingSettings; full?: boolean } = {},
): Promise<Ranking> {
  const now = options.now ?? currentTime();
  const { table, settings, ruledOut, own } = await readRoutingSnapshot(handle, request);
  const rank = options.full ? table.rankAll : table.rank;
  return rank.call(table, request, options.settings ?? settings, now, todayInShanghai(now), ruledOut, own);
}

/**
 * Admin only (routing.candidates). Every expert with a current appointment for a request the admin
 * may see: ranked with score and reasons, or excluded with why. 404 when not visible, 409 when the
 * request is not in a state that has candidates.
 */
export async function listCandidates(actor: Actor | null, requestId: string, options: { now?: Date } = {}) {
  const admin = requirePermission(actor, "routing.candidates");
  const now = options.now ?? currentTime();
  const request = await loadRoutingRequest(db, requestId, admin);
  if (!request) throw notFound();
  if (!(RANKABLE_STATUSES as readonly string[]).includes(request.status)) throw conflict("routing.errors.notRoutable");
  const today = todayInShanghai(now);
  const [settings, facts] = await Promise.all([getRoutingSettings(), loadCandidateFacts(db, request, { kind: "all" }, today)]);
  const excluded: ExcludedCandidate[] = [];
  const eligible: CandidateFacts[] = [];
  for (const f of facts) {
    const why = exclusionOf(request, f, today);
    if (why) excluded.push({ expertId: f.expertId, name: f.name, why });
    else eligible.push(f);
  }
  excluded.sort((a, b) => a.why.code.localeCompare(b.why.code) || (a.name ?? "").localeCompare(b.name ?? "", "zh-CN"));
  const ranked = Array.from(rankFacts(request, eligible, settings, now), (c) => explainCandidate(request, c, settings, now));
  return { request, settings, ranked, excluded };
}
