import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { requests, returnVisitFollowUps } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime } from "@/lib/clock";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { visibleRequests } from "@/lib/requests/scope";
import { inTransaction } from "@/lib/transaction";

/**
 * An admin of the case's district (an unscoped admin counts for every district) closes a follow-up
 * opened by a dissatisfied return visit, saying what was done. 404 for a follow-up the admin may not
 * see, 409 when it is already closed (of two simultaneous closes exactly one wins).
 */
export async function closeFollowUp(actor: Actor | null, followUpId: string, note: string): Promise<{ id: string }> {
  const admin = requirePermission(actor, "request.returnVisit");
  if (!/^[0-9a-f-]{36}$/i.test(followUpId)) throw notFound();
  const [followUp] = await db
    .select({ id: returnVisitFollowUps.id, requestId: returnVisitFollowUps.requestId })
    .from(returnVisitFollowUps)
    .innerJoin(requests, eq(requests.id, returnVisitFollowUps.requestId))
    .where(and(eq(returnVisitFollowUps.id, followUpId), visibleRequests(admin)));
  if (!followUp) throw notFound();
  return inTransaction(async (tx) => {
    const [closed] = await tx
      .update(returnVisitFollowUps)
      .set({ closedAt: currentTime(), closedBy: admin.userId, closingNote: note })
      .where(and(eq(returnVisitFollowUps.id, followUp.id), isNull(returnVisitFollowUps.closedAt)))
      .returning({ id: returnVisitFollowUps.id });
    if (!closed) throw conflict("requests.errors.followUpClosed");
    await recordEvent(tx, admin, {
      type: "request.follow_up_closed",
      entityType: "request",
      entityId: followUp.requestId,
      requestId: followUp.requestId,
      data: { followUpId: followUp.id },
    });
    return { id: followUp.id };
  });
}
