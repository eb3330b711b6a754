import { db } from "@/db";
import { returnVisits } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { conflict, invalidField } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { todayInShanghai } from "@/lib/clock";
import { loadVisibleRequest } from "./access";

/**
 * An admin records the law society's return visit (回访) on a closed request: when, what was said,
 * how satisfied the company is (1-5); the admin recording it is "by whom". 404 outside the admin's
 * region, 409 unless the request is closed, 422 for a date in the future.
 */
export async function recordReturnVisit(actor: Actor | null, requestId: string, input: { visitedOn: string; summary: string; satisfaction: number }) {
  const admin = requirePermission(actor, "request.returnVisit");
  const request = await loadVisibleRequest(db, admin, requestId);
  if (request.status !== "closed") throw conflict("requests.errors.returnVisitNotClosed");
  if (input.visitedOn > todayInShanghai()) throw invalidField("visitedOn", "requests.errors.futureDate");
  return db.transaction(async (tx) => {
    const [visit] = await tx
      .insert(returnVisits)
      .values({
        requestId: request.id,
        visitedOn: input.visitedOn,
        visitedBy: admin.userId,
        summary: input.summary,
        satisfaction: input.satisfaction,
      })
      .returning({ id: returnVisits.id });
    await recordEvent(tx, admin, {
      type: "request.return_visit",
      entityType: "request",
      entityId: request.id,
      requestId: request.id,
      data: { returnVisitId: visit!.id, satisfaction: input.satisfaction },
    });
    return { id: visit!.id };
  });
}
