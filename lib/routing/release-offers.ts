import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { offers } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { lockRequests } from "@/lib/requests/lock";
import { recordEvent } from "@/lib/events/record-event";
import { offerToNextCandidate } from "./cascade";
import { loadRoutingRequest } from "./load-routing-request";

/**
 * Locks the requests of the expert's pending offers. Called before the expert's own row changes
 * (whose trigger takes the expert's routing lock), so the requests are locked first, as everywhere.
 */
export async function lockRequestsOfPendingOffers(tx: Tx, expertId: string): Promise<void> {
  const pending = await tx
    .select({ requestId: offers.requestId })
    .from(offers)
    .where(and(eq(offers.expertId, expertId), eq(offers.status, "pending")));
  await lockRequests(
    tx,
    pending.map((p) => p.requestId),
  );
}

/**
 * Inside the caller's transaction, when an expert leaves matching (suspended or retired): each offer
 * still pending for them is withdrawn with the reason, and its request is offered to the next
 * candidate (or flagged for the admins when none is left), so no request waits on someone who can
 * no longer accept. Returns how many offers were withdrawn.
 */
export async function releasePendingOffers(tx: Tx, actor: Actor, expertId: string, reason: string): Promise<number> {
  const released = await tx
    .update(offers)
    .set({ status: "withdrawn", declineNote: reason })
    .where(and(eq(offers.expertId, expertId), eq(offers.status, "pending")))
    .returning({ id: offers.id, requestId: offers.requestId });
  for (const offer of released) {
    await recordEvent(tx, actor, {
      type: "offer.withdrawn",
      entityType: "offer",
      entityId: offer.id,
      requestId: offer.requestId,
      data: { offerId: offer.id, expertId, note: reason },
    });
    const request = await loadRoutingRequest(tx, offer.requestId);
    if (request) await offerToNextCandidate(tx, actor, request, { exhaust: true });
  }
  return released.length;
}
