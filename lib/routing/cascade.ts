import { and, count, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { offers } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { conflict } from "@/lib/errors";
import { currentTime, todayInShanghai } from "@/lib/clock";
import type { MessageKey } from "@/lib/i18n/keys";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { applyTransition } from "@/lib/requests/state-machine";
import { getServiceLevels } from "@/lib/timeliness/service-levels";
import { loadCandidateFacts } from "./candidate-rows";
import { rankEligible, rankFacts } from "./candidates";
import type { RankedCandidate } from "./ranking";
import { lockExpert } from "./lock-expert";
import { createOffer, type OfferMade } from "./create-offer";
import { exclusionOf } from "./exclusions";
import type { RoutingSettings } from "./schemas";
import type { RoutingRequest } from "./types";
import { getRoutingSettings } from "./weights";

interface Options {
  now?: Date;
  settings?: RoutingSettings;
}

/**
 * Locks the expert, then checks again that they can still take the request: the ranking was read
 * before the lock, and another offer or acceptance may have used their last place meanwhile.
 */
async function stillEligible(tx: Tx, request: RoutingRequest, expertId: string, now: Date) {
  await lockExpert(tx, expertId);
  const today = todayInShanghai(now);
  const [facts] = await loadCandidateFacts(tx, request, { kind: "one", expertId }, today);
  return facts ? { facts, why: exclusionOf(request, facts, today) } : null;
}

/**
 * How many offers of the request go out at once: `parallelOffers` of its urgency in the service
 * levels (first-responder offers; 1 = one offer at a time).
 */
export async function parallelOffersFor(tx: Tx, request: Pick<RoutingRequest, "urgency">): Promise<number> {
  const { parallelOffers } = await getServiceLevels(tx);
  return Math.max(1, request.urgency === "urgent" ? parallelOffers.urgent : parallelOffers.normal);
}

/**
 * Tops the request's pending offers up to `parallelOffersFor` with the best candidates still
 * available (distinct experts; one who already had an offer for it is ruled out by the ranking),
 * each locked and checked again. Returns the offers made, best first. When none was made and none
 * is pending, then, with `exhaust`, the request goes back to the admin queue flagged and the admins
 * are told. The caller holds the request's lock.
 */
export async function fillOffers(
  tx: Tx,
  actor: Actor | null,
  request: RoutingRequest,
  options: Options & { exhaust: boolean },
): Promise<OfferMade[]> {
  const now = options.now ?? currentTime();
  const settings = options.settings ?? (await getRoutingSettings(tx));
  const [pending] = await tx
    .select({ n: count() })
    .from(offers)
    .where(and(eq(offers.requestId, request.id), eq(offers.status, "pending")));
  const open = pending?.n ?? 0;
  const room = (await parallelOffersFor(tx, request)) - open;
  const made: OfferMade[] = [];
  if (room > 0)
    for (const candidate of await rankEligible(tx, request, { now, settings })) {
      const check = await stillEligible(tx, request, candidate.expertId, now);
      if (check && !check.why) made.push(await createOffer(tx, actor, request, candidate, { now, settings, manual: false }));
      if (made.length >= room) break;
    }
  if (!made.length && !open && options.exhaust) await exhaustRequest(tx, actor, request);
  return made;
}

/**
 * Offers the request to the best candidate still available, or to as many as `parallelOffersFor`
 * allows pending at once (`fillOffers`); returns the first offer made, or null when none was made.
 */
export async function offerToNextCandidate(
  tx: Tx,
  actor: Actor | null,
  request: RoutingRequest,
  options: Options & { exhaust: boolean },
): Promise<OfferMade | null> {
  return (await fillOffers(tx, actor, request, options))[0] ?? null;
}

/** Offers the request to the expert an admin chose; 409 with the reason when they are excluded. */
export async function offerToChosenExpert(tx: Tx, admin: Actor, request: RoutingRequest, expertId: string, options: Options): Promise<OfferMade> {
  const now = options.now ?? currentTime();
  const settings = options.settings ?? (await getRoutingSettings(tx));
  const check = await stillEligible(tx, request, expertId, now);
  if (!check) throw conflict("routing.errors.unknownExpert");
  if (check.why) throw conflict(`routing.reasons.${check.why.code}` as MessageKey, check.why.params);
  const ranking = await rankEligible(tx, request, { now, settings });
  let candidate: RankedCandidate | undefined;
  let ranked = 0;
  for (const c of ranking) {
    ranked = c.rank;
    if (c.expertId !== expertId) continue;
    candidate = c;
    break;
  }
  candidate ??= { ...rankFacts(request, [check.facts], settings, now).top(1)[0]!, rank: ranked + 1 };
  return createOffer(tx, admin, request, candidate, { now, settings, manual: true });
}

/** Every candidate declined or let the offer lapse: back to the admin queue with a clear flag. */
export async function exhaustRequest(tx: Tx, actor: Actor | null, request: RoutingRequest): Promise<void> {
  await applyTransition(tx, actor, request.id, "exhaust", { set: { needsAttention: true } });
  await notify(tx, { userIds: await audienceOf(tx, "request.exhaust", request), kind: "request.needs_attention", requestId: request.id });
}
