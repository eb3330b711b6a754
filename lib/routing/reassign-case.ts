import { and, eq } from "drizzle-orm";
import { experts, offers } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { lockRequest } from "@/lib/requests/lock";
import { applyTransition } from "@/lib/requests/state-machine";
import { offerToChosenExpert, offerToNextCandidate } from "./cascade";
import { loadRoutingRequest } from "./load-routing-request";
import type { ReassignInput } from "./schemas";
import { routingTransaction } from "./routing-transaction";

/** Marks an accepted offer taken back by reassignment (the routing profile counts these). */
export const REASSIGNED = "reassigned";

/**
 * Admin only (routing.reassign). Takes an accepted or in-progress case from its expert with a
 * reason (the expert is told; their accepted offer becomes withdrawn), then offers it to `expertId`
 * or to the next candidate (flagged for the admin when none is left), in one transaction.
 * 404 when the admin may not see the request; 409 when it has no accepted expert.
 */
export async function reassignCase(actor: Actor | null, requestId: string, input: ReassignInput, options: { now?: Date } = {}) {
  const admin = requirePermission(actor, "routing.reassign");
  return routingTransaction(async (tx) => {
    const before = await loadRoutingRequest(tx, requestId, admin);
    if (!before) throw notFound();
    await lockRequest(tx, requestId);
    const [taken] = await tx
      .update(offers)
      .set({ status: "withdrawn", declineReason: REASSIGNED, declineNote: input.reason })
      .where(and(eq(offers.requestId, requestId), eq(offers.status, "accepted")))
      .returning({ id: offers.id, expertId: offers.expertId });
    if (!taken) throw conflict("routing.errors.notAssigned");
    await applyTransition(tx, admin, requestId, "reassign", {
      reason: input.reason,
      set: { assignedExpertId: null },
      data: { fromExpertId: taken.expertId },
    });
    const [expert] = await tx.select({ userId: experts.userId, name: experts.name }).from(experts).where(eq(experts.id, taken.expertId));
    await recordEvent(tx, admin, {
      type: "offer.withdrawn",
      entityType: "offer",
      entityId: taken.id,
      requestId,
      data: { offerId: taken.id, expertId: taken.expertId, expertName: expert?.name, reassigned: true, note: input.reason },
    });
    if (expert) await notify(tx, { userIds: [expert.userId], kind: "request.reassigned", requestId, data: { reason: input.reason } });
    const request = (await loadRoutingRequest(tx, requestId))!;
    const next = input.expertId
      ? await offerToChosenExpert(tx, admin, request, input.expertId, options)
      : await offerToNextCandidate(tx, admin, request, { ...options, exhaust: true });
    return { requestId, fromExpertId: taken.expertId, next };
  });
}
