import { and, count, eq, gt, inArray, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { experts, offers, requests } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { conflict, forbidden, isUniqueViolation } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { clockSql, currentTime, todayInShanghai } from "@/lib/clock";
import { hasCurrentAppointment } from "@/lib/roster/term";
import { lockRequestOfOffer } from "@/lib/requests/lock";
import { ACTIVE_CASE_STATUSES, applyTransition } from "@/lib/requests/state-machine";
import { lockExpert } from "./lock-expert";
import { offerNotAnswerable } from "./offer-not-answerable";
import { routingTransaction } from "./routing-transaction";

/**
 * The offered expert only (offer.answer). Race-safe: one conditional UPDATE takes the offer from
 * pending to accepted only while its deadline has not passed (by the clock, whatever the deadline
 * job did), then the request moves to accepted with this expert, in the same transaction; the
 * partial unique index allows one accepted offer per request. Of simultaneous accepts exactly one
 * succeeds; the others get 409 and change nothing. The request's other pending offers (first-responder
 * offers of an urgent request) are withdrawn at once and their experts told. 404 when the offer is not the caller's; 409 when
 * it is answered, expired or withdrawn, or the expert is at capacity.
 */
export async function acceptOffer(actor: Actor | null, offerId: string, options: { now?: Date } = {}) {
  const expert = requirePermission(actor, "offer.answer");
  const expertId = expert.expertId;
  if (!expertId) throw forbidden();
  const at = options.now ?? currentTime();
  try {
    return await routingTransaction(async (tx) => {
      // The request first, as every change of a case locks it (a withdrawal takes it, then the offers).
      await lockRequestOfOffer(tx, offerId);
      const [accepted] = await tx
        .update(offers)
        .set({ status: "accepted", answeredAt: at })
        .where(and(eq(offers.id, offerId), eq(offers.expertId, expertId), eq(offers.status, "pending"), gt(offers.expiresAt, clockSql(options.now))))
        .returning({ requestId: offers.requestId });
      if (!accepted) throw await offerNotAnswerable(tx, offerId, expertId);
      // Read under the request's lock: whoever accepted before us has committed, and withdrew this offer
      // (so the update above found nothing); this is the belt to that braces, besides the unique index.
      const [other] = await tx
        .select({ id: offers.id })
        .from(offers)
        .where(and(eq(offers.requestId, accepted.requestId), eq(offers.status, "accepted"), ne(offers.id, offerId)));
      if (other) throw conflict("routing.errors.offerAccepted");
      // The update's trigger already holds the expert's routing lock (taken after the request's and
      // the offer's row locks, in the order every routing change takes them); so one acceptance per expert at a time,
      // and two offers cannot both take the last place. The count below reads after the lock.
      await lockExpert(tx, expertId);
      const [load] = await tx
        .select({ n: count() })
        .from(requests)
        .where(and(eq(requests.assignedExpertId, expertId), inArray(requests.status, ACTIVE_CASE_STATUSES)));
      // Suspended, retired or out of term since the offer was made: no new case.
      const [own] = await tx
        .select({ capacity: experts.capacity })
        .from(experts)
        .where(and(eq(experts.id, expertId), hasCurrentAppointment(todayInShanghai(at))));
      if (!own) throw conflict("routing.errors.notCurrent");
      if ((load?.n ?? 0) >= own.capacity) throw conflict("routing.errors.atCapacity");
      const { requestId } = accepted;
      await applyTransition(tx, expert, requestId, "accept", {
        // the first acceptance is kept: time to first acceptance is what the reports measure
        set: { assignedExpertId: expertId, acceptedAt: sql`coalesce(${requests.acceptedAt}, ${at.toISOString()}::timestamptz)` },
        data: { offerId, expertId, expertName: expert.name },
      });
      await withdrawOtherOffers(tx, expert, requestId, offerId, at);
      await notify(tx, {
        userIds: await audienceOf(tx, "request.accept", { id: requestId }),
        kind: "request.assigned",
        requestId,
        data: { expertName: expert.name },
      });
      return { requestId, status: "accepted" as const };
    });
  } catch (error) {
    if (isUniqueViolation(error, "offers_one_accepted_per_request")) throw conflict("routing.errors.offerAccepted");
    throw error;
  }
}

/** Marks a pending offer withdrawn because another expert accepted the request first. */
export const TAKEN = "taken";

/**
 * The first acceptance wins: every other offer of the request still pending becomes withdrawn at the
 * moment of acceptance (answeredAt), on the audit trail, and its expert is told in the inbox. The
 * caller holds the request's lock.
 */
async function withdrawOtherOffers(tx: Tx, actor: Actor, requestId: string, acceptedOfferId: string, at: Date): Promise<void> {
  const withdrawn = await tx
    .update(offers)
    .set({ status: "withdrawn", answeredAt: at, declineReason: TAKEN })
    .where(and(eq(offers.requestId, requestId), eq(offers.status, "pending"), ne(offers.id, acceptedOfferId)))
    .returning({ id: offers.id, expertId: offers.expertId });
  for (const offer of withdrawn) {
    const [other] = await tx.select({ userId: experts.userId, name: experts.name }).from(experts).where(eq(experts.id, offer.expertId));
    await recordEvent(tx, actor, {
      type: "offer.withdrawn",
      entityType: "offer",
      entityId: offer.id,
      requestId,
      data: { offerId: offer.id, expertId: offer.expertId, expertName: other?.name, taken: true },
    });
    if (other) await notify(tx, { userIds: [other.userId], kind: "request.status", requestId, data: { event: "offer.taken", offerId: offer.id } });
  }
}
