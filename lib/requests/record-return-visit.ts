import { db } from "@/db";
import { returnVisitFollowUps, returnVisits } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime, todayInShanghai } from "@/lib/clock";
import { conflict, invalidField } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { loadVisibleRequest } from "./access";
import { lockRequest } from "./lock";
import type { ReturnVisitInput } from "./schemas";

/** A satisfaction of this or less opens a follow-up that the district's admins must close. */
export const FOLLOW_UP_AT_MOST = 2;

/**
 * An admin records the law society's return visit (回访) on a closed request: the day, how, how
 * satisfied the company is (1-5) and a note; the admin recording it is "by whom". A satisfaction of
 * 2 or less opens a follow-up and tells the district's admins. 404 outside the admin's region, 409
 * unless the request is closed, 422 for a date in the future.
 */
export async function recordReturnVisit(
  actor: Actor | null,
  requestId: string,
  input: ReturnVisitInput,
): Promise<{ id: string; followUpId: string | null }> {
  const admin = requirePermission(actor, "request.returnVisit");
  const request = await loadVisibleRequest(db, admin, requestId);
  if (request.status !== "closed") throw conflict("requests.errors.returnVisitNotClosed");
  if (input.visitedOn > todayInShanghai()) throw invalidField("visitedOn", "requests.errors.futureDate");
  return inTransaction(async (tx) => {
    const locked = await lockRequest(tx, request.id);
    if (locked?.status !== "closed") throw conflict("requests.errors.returnVisitNotClosed");
    const [visit] = await tx
      .insert(returnVisits)
      .values({
        requestId: request.id,
        visitedOn: input.visitedOn,
        visitedBy: admin.userId,
        method: input.method,
        note: input.note ?? null,
        satisfaction: input.satisfaction,
      })
      .returning({ id: returnVisits.id });
    await recordEvent(tx, admin, {
      type: "request.return_visit",
      entityType: "request",
      entityId: request.id,
      requestId: request.id,
      data: { returnVisitId: visit!.id, method: input.method, satisfaction: input.satisfaction, visitedOn: input.visitedOn },
    });
    if (input.satisfaction > FOLLOW_UP_AT_MOST) return { id: visit!.id, followUpId: null };
    const [followUp] = await tx
      .insert(returnVisitFollowUps)
      .values({ requestId: request.id, returnVisitId: visit!.id, openedAt: currentTime() })
      .returning({ id: returnVisitFollowUps.id });
    await recordEvent(tx, admin, {
      type: "request.follow_up_opened",
      entityType: "request",
      entityId: request.id,
      requestId: request.id,
      data: { followUpId: followUp!.id, returnVisitId: visit!.id, satisfaction: input.satisfaction },
    });
    await notify(tx, {
      userIds: await audienceOf(tx, "request.follow_up", request, admin.userId),
      kind: "return_visit.follow_up",
      requestId: request.id,
      data: { title: request.title, satisfaction: input.satisfaction, excerpt: input.note ?? null },
    });
    return { id: visit!.id, followUpId: followUp!.id };
  });
}
