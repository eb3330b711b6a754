import { and, asc, eq, lte } from "drizzle-orm";
import { db } from "@/db";
import { offers } from "@/db/schema";
import { recordEvent } from "@/lib/events/record-event";
import { enqueue } from "@/lib/jobs/queue";
import { lockRequestOfOffer } from "@/lib/requests/lock";
import { offerToNextCandidate } from "./cascade";
import { clockSql } from "@/lib/clock";
import { loadRoutingRequest } from "./load-routing-request";
import { routingTransaction } from "./routing-transaction";

/**
 * The deadline of one offer (job `routing.expire-offer`). Idempotent: an offer already answered,
 * withdrawn or expired is left alone. A pending offer past its deadline expires and the request
 * goes to the next candidate (or back to the admin queue, flagged), in one transaction. A job that
 * runs early schedules itself again for the deadline.
 */
export async function expireOffer(offerId: string, options: { now?: Date } = {}): Promise<boolean> {
  return routingTransaction(async (tx) => {
    await lockRequestOfOffer(tx, offerId);
    const [expired] = await tx
      .update(offers)
      .set({ status: "expired" })
      .where(and(eq(offers.id, offerId), eq(offers.status, "pending"), lte(offers.expiresAt, clockSql(options.now))))
      .returning({ requestId: offers.requestId, expertId: offers.expertId });
    if (!expired) {
      const [early] = await tx
        .select({ expiresAt: offers.expiresAt })
        .from(offers)
        .where(and(eq(offers.id, offerId), eq(offers.status, "pending")));
      if (early && !options.now)
        await enqueue(tx, "routing.expire-offer", { offerId }, { startAfter: early.expiresAt, singletonKey: `offer-expiry-retry:${offerId}` });
      return false;
    }
    await recordEvent(tx, null, {
      type: "offer.expired",
      entityType: "offer",
      entityId: offerId,
      requestId: expired.requestId,
      data: { offerId, expertId: expired.expertId },
    });
    const request = await loadRoutingRequest(tx, expired.requestId);
    if (request?.status === "offered") await offerToNextCandidate(tx, null, request, { now: options.now, exhaust: true });
    return true;
  });
}

/**
 * Every pending offer past its deadline, oldest first (job `routing.expire-due-offers`, and the
 * simulator's clock): a safety net for lost jobs. Returns how many expired.
 */
export async function expireDueOffers(options: { now?: Date } = {}): Promise<number> {
  let expired = 0;
  for (;;) {
    const due = await db
      .select({ id: offers.id })
      .from(offers)
      .where(and(eq(offers.status, "pending"), lte(offers.expiresAt, clockSql(options.now))))
      .orderBy(asc(offers.expiresAt))
      .limit(100);
    if (!due.length) return expired;
    for (const offer of due) if (await expireOffer(offer.id, options)) expired += 1;
  }
}
