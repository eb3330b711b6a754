import { and, eq } from "drizzle-orm";
import { experts, offers, requests } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { lockRequest } from "@/lib/requests/lock";
import { visibleRequests } from "@/lib/requests/scope";
import { offerToChosenExpert, offerToNextCandidate } from "./cascade";
import { loadRoutingRequest } from "./load-routing-request";
import type { WithdrawOfferInput } from "./schemas";
import { routingTransaction } from "./routing-transaction";

/**
 * Admin only (routing.withdrawOffer). Withdraws a pending offer with a reason (the expert is told)
 * and offers the request to `expertId` when given, else to the next candidate (flagged for the
 * admin when none is left); one transaction. 404 when the admin may not see the request; 409 when
 * the offer is no longer pending.
 */
export async function withdrawOffer(actor: Actor | null, offerId: string, input: WithdrawOfferInput, options: { now?: Date } = {}) {
  const admin = requirePermission(actor, "routing.withdrawOffer");
  return routingTransaction(async (tx) => {
    const [found] = await tx
      .select({ requestId: offers.requestId })
      .from(offers)
      .innerJoin(requests, eq(requests.id, offers.requestId))
      .where(and(eq(offers.id, offerId), visibleRequests(admin)));
    if (!found) throw notFound();
    await lockRequest(tx, found.requestId);
    const [withdrawn] = await tx
      .update(offers)
      .set({ status: "withdrawn", declineNote: input.reason })
      .where(and(eq(offers.id, offerId), eq(offers.status, "pending")))
      .returning({ expertId: offers.expertId });
    if (!withdrawn) throw conflict("routing.errors.offerNotPending");
    const [expert] = await tx.select({ userId: experts.userId, name: experts.name }).from(experts).where(eq(experts.id, withdrawn.expertId));
    await recordEvent(tx, admin, {
      type: "offer.withdrawn",
      entityType: "offer",
      entityId: offerId,
      requestId: found.requestId,
      // an internal note of the law society: in the audit data, off the parties' timeline
      data: { offerId, expertId: withdrawn.expertId, expertName: expert?.name, note: input.reason },
    });
    if (expert)
      await notify(tx, { userIds: [expert.userId], kind: "request.status", requestId: found.requestId, data: { event: "offer.withdrawn", offerId } });
    const request = (await loadRoutingRequest(tx, found.requestId))!;
    const next = input.expertId
      ? await offerToChosenExpert(tx, admin, request, input.expertId, options)
      : await offerToNextCandidate(tx, admin, request, { ...options, exhaust: true });
    return { offerId, status: "withdrawn" as const, next };
  });
}
