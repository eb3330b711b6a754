import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { inTransaction } from "@/lib/transaction";
import { offers } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { recordEvent } from "@/lib/events/record-event";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { loadVisibleRequest } from "./access";
import { applyTransition } from "./state-machine";

/**
 * The filing enterprise or station withdraws its request, before an expert has accepted it.
 * Throws 404 when the request is not theirs, 409 once accepted (or already final). A pending
 * offer is withdrawn with it in the same transaction, so no expert can accept a withdrawn case;
 * that expert and the admins are told.
 */
export async function withdrawRequest(actor: Actor | null, requestId: string, reason?: string): Promise<{ id: string; status: "withdrawn" }> {
  const filer = requirePermission(actor, "request.withdraw");
  const request = await loadVisibleRequest(db, filer, requestId);
  await inTransaction(async (tx) => {
    await applyTransition(tx, filer, request.id, "withdraw", {
      reason: reason ?? null,
      set: { statusReason: reason ?? null, needsAttention: false },
    });
    // read before the pending offer is withdrawn below (its expert is told), under the request's lock
    const audience = await audienceOf(tx, "request.withdraw", request);
    const withdrawn = await tx
      .update(offers)
      .set({ status: "withdrawn", answeredAt: sql`now()` })
      .where(and(eq(offers.requestId, request.id), eq(offers.status, "pending")))
      .returning({ id: offers.id, expertId: offers.expertId });
    for (const offer of withdrawn) {
      await recordEvent(tx, filer, {
        type: "offer.withdrawn",
        entityType: "offer",
        entityId: offer.id,
        requestId: request.id,
        reason: reason ?? null,
        data: { offerId: offer.id, expertId: offer.expertId },
      });
    }
    await notify(tx, {
      userIds: audience,
      kind: "request.status",
      requestId: request.id,
      data: { title: request.title, status: "withdrawn", reason: reason ?? null },
    });
  });
  return { id: request.id, status: "withdrawn" };
}
