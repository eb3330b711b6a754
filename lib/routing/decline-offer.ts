import { and, eq, gt } from "drizzle-orm";
import { offers } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { forbidden } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { offerToNextCandidate } from "./cascade";
import { clockSql, currentTime } from "@/lib/clock";
import { lockRequestOfOffer } from "@/lib/requests/lock";
import { offerNotAnswerable } from "./offer-not-answerable";
import { loadRoutingRequest } from "./load-routing-request";
import type { DeclineReason } from "@/lib/enums";
import { routingTransaction } from "./routing-transaction";

/**
 * The offered expert only (offer.answer). Declines a pending offer before its deadline with a reason
 * from the list and an optional note, and in the same transaction offers the request to the next
 * candidate (or, with none left, returns it to the admin queue flagged). 404 when the offer is not
 * the caller's; 409 when it is already answered, expired or withdrawn.
 */
export async function declineOffer(
  actor: Actor | null,
  offerId: string,
  input: { reason: DeclineReason; note?: string | null },
  options: { now?: Date } = {},
) {
  const expert = requirePermission(actor, "offer.answer");
  const expertId = expert.expertId;
  if (!expertId) throw forbidden();
  const at = options.now ?? currentTime();
  return routingTransaction(async (tx) => {
    await lockRequestOfOffer(tx, offerId);
    const [declined] = await tx
      .update(offers)
      .set({ status: "declined", answeredAt: at, declineReason: input.reason, declineNote: input.note ?? null })
      .where(and(eq(offers.id, offerId), eq(offers.expertId, expertId), eq(offers.status, "pending"), gt(offers.expiresAt, clockSql(options.now))))
      .returning({ requestId: offers.requestId });
    if (!declined) throw await offerNotAnswerable(tx, offerId, expertId);
    await recordEvent(tx, expert, {
      type: "offer.declined",
      entityType: "offer",
      entityId: offerId,
      requestId: declined.requestId,
      // the expert's note may name a conflict: it stays in the audit data, off the parties' timeline
      data: { offerId, expertId, expertName: expert.name, declineReason: input.reason, note: input.note ?? null },
    });
    const request = await loadRoutingRequest(tx, declined.requestId);
    const next = request?.status === "offered" ? await offerToNextCandidate(tx, null, request, { now: options.now, exhaust: true }) : null;
    return { requestId: declined.requestId, status: "declined" as const, nextExpertId: next?.expertId ?? null };
  });
}
