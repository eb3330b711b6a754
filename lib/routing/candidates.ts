import { db, type DbOrTx } from "@/db";
import { requirePermission, type Actor } from "@/lib/authz";
import { conflict, notFound } from "@/lib/errors";
import { currentTime, todayInShanghai } from "@/lib/clock";
import { listExcluded } from "./excluded-candidates";
import { loadRoutingRequest } from "./load-routing-request";
import { readRoutingSnapshot, type RoutingSnapshot } from "./routing-snapshot";
import { CANDIDATES_MAX, CANDIDATES_SHOWN, type RoutingSettings } from "./schemas";
import { Ranking, type RankedCandidate } from "./ranking";
import { explainScore, recentOffers, scoreOf, scoringContext, type Scored } from "./score";
import type { CandidateFacts, RoutingRequest } from "./types";

export type ExplainedCandidate = Omit<RankedCandidate, "facts"> & Scored;
export type { ExcludedCandidate } from "./excluded-candidates";

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
  return rankSnapshot(await readRoutingSnapshot(handle, request), request, options);
}

function rankSnapshot(
  snapshot: RoutingSnapshot,
  request: RoutingRequest,
  options: { now?: Date; settings?: RoutingSettings; full?: boolean },
): Ranking {
  const now = options.now ?? currentTime();
  const { table, settings, ruledOut, own } = snapshot;
  const rank = options.full ? table.rankAll : table.rank;
  return rank.call(table, request, options.settings ?? settings, now, todayInShanghai(now), ruledOut, own);
}

/**
 * Admin only (routing.candidates). The experts with a current appointment for a request the admin
 * may see: the first `limit` ranked (best first on the fast path, with score and reasons), and the
 * first `limit` excluded with why, and how many there are of each. 404 when not visible, 409 when
 * the request is not in a state that has candidates.
 */
export async function listCandidates(actor: Actor | null, requestId: string, options: { now?: Date; limit?: number } = {}) {
  const admin = requirePermission(actor, "routing.candidates");
  const now = options.now ?? currentTime();
  const limit = Math.min(CANDIDATES_MAX, Math.max(1, options.limit ?? CANDIDATES_SHOWN));
  const request = await loadRoutingRequest(db, requestId, admin);
  if (!request) throw notFound();
  if (!(RANKABLE_STATUSES as readonly string[]).includes(request.status)) throw conflict("routing.errors.notRoutable");
  const today = todayInShanghai(now);
  const snapshot = await readRoutingSnapshot(db, request);
  const { settings } = snapshot;
  const shown = rankSnapshot(snapshot, request, { now }).top(limit);
  const { excluded, count: excludedCount, listed } = await listExcluded(db, request, snapshot, today, limit);
  const ranked = shown.map((c) => explainCandidate(request, c, settings, now));
  return { request, settings, ranked, rankedCount: listed - excludedCount, excluded, excludedCount };
}
