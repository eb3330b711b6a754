import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { experts } from "@/db/schema";
import type { ExpertStatus } from "@/db/schema/enums";
import { requirePermission, type Actor, type Permission } from "@/lib/authz";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { expertDecisionView } from "./expert-view";

export interface StatusChange {
  permission: Permission;
  from: readonly ExpertStatus[];
  to: ExpertStatus;
  eventType: string;
}

/**
 * Moves an expert between roster statuses with one conditional UPDATE (`WHERE status IN from`):
 * 404 for an unknown expert, 409 when the expert is not in a status this change applies to.
 * The reason goes on the audit trail and the expert is told.
 */
export async function changeExpertStatus(actor: Actor | null, expertId: string, change: StatusChange, reason: string) {
  const admin = requirePermission(actor, change.permission);
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(experts)
      .set({ status: change.to, updatedAt: new Date() })
      .where(and(eq(experts.id, expertId), inArray(experts.status, [...change.from])))
      .returning({ userId: experts.userId });
    if (!changed) {
      const [exists] = await tx.select({ id: experts.id }).from(experts).where(eq(experts.id, expertId));
      throw exists ? conflict("roster.errors.wrongStatus") : notFound();
    }
    await recordEvent(tx, admin, { type: change.eventType, entityType: "expert", entityId: expertId, reason });
    await notify(tx, { userIds: [changed.userId], kind: "expert.decision", data: { decision: change.to, reason } });
    return (await expertDecisionView(tx, expertId))!;
  });
}
