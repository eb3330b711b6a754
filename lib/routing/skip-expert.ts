import { eq } from "drizzle-orm";
import { db } from "@/db";
import { experts } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { RANKABLE_STATUSES } from "./candidates";
import { loadRoutingRequest } from "./load-routing-request";
import type { SkipExpertInput } from "./schemas";

/**
 * Admin only (routing.route). Leaves an expert out of this request's routing from now on, with the
 * reason in the audit trail (the skip is the event: candidate queries read it). 404 when the admin may
 * not see the request or the expert does not exist; 409 when the request is past routing.
 */
export async function skipExpert(actor: Actor | null, requestId: string, input: SkipExpertInput) {
  const admin = requirePermission(actor, "routing.route");
  return db.transaction(async (tx) => {
    const request = await loadRoutingRequest(tx, requestId, admin);
    if (!request) throw notFound();
    if (!(RANKABLE_STATUSES as readonly string[]).includes(request.status)) throw conflict("routing.errors.notRoutable");
    const [expert] = await tx.select({ name: experts.name }).from(experts).where(eq(experts.id, input.expertId));
    if (!expert) throw notFound();
    await recordEvent(tx, admin, {
      type: "routing.skipped",
      entityType: "request",
      entityId: requestId,
      requestId,
      // an internal note of the law society: in the audit data, off the parties' timeline
      data: { expertId: input.expertId, expertName: expert.name, note: input.reason },
    });
    return { requestId, expertId: input.expertId, skipped: true as const };
  });
}
