import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { inTransaction } from "@/lib/transaction";
import { experts, offers } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { adminUserIds, loadVisibleRequest } from "./access";
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
    const withdrawn = await tx
      .update(offers)
      .set({ status: "withdrawn", answeredAt: sql`now()` })
      .where(and(eq(offers.requestId, request.id), eq(offers.status, "pending")))
      .returning({ id: offers.id, expertId: offers.expertId });
    const offeredUsers: string[] = [];
    for (const offer of withdrawn) {
      await recordEvent(tx, filer, {
        type: "offer.withdrawn",
        entityType: "offer",
        entityId: offer.id,
        requestId: request.id,
        reason: reason ?? null,
        data: { offerId: offer.id, expertId: offer.expertId },
      });
      const [expert] = await tx.select({ userId: experts.userId }).from(experts).where(eq(experts.id, offer.expertId));
      if (expert) offeredUsers.push(expert.userId);
    }
    await notify(tx, {
      userIds: [...offeredUsers, ...(await adminUserIds(tx, request))],
      kind: "request.status",
      requestId: request.id,
      data: { title: request.title, status: "withdrawn", reason: reason ?? null },
    });
  });
  return { id: request.id, status: "withdrawn" };
}
