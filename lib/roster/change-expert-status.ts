import { and, eq, inArray } from "drizzle-orm";
import { experts } from "@/db/schema";
import type { ExpertStatus } from "@/lib/enums";
import { requireDistrict, requirePermission, type Actor, type Permission } from "@/lib/authz";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { lockRequestsOfPendingOffers, releasePendingOffers } from "@/lib/routing/release-offers";
import { routingTransaction } from "@/lib/routing/routing-transaction";
import { expertInDistrictOf } from "./district";
import { expertDecisionView } from "./expert-decision-view";

export interface StatusChange {
  permission: Permission;
  from: readonly ExpertStatus[];
  to: ExpertStatus;
  eventType: string;
  /** The expert can no longer take cases: offers pending for them go to the next candidate. */
  leavesMatching?: boolean;
}

/**
 * Moves an expert between roster statuses with one conditional UPDATE (`WHERE status IN from`, and
 * in the admin's district): 404 for an unknown expert, 403 for another district's (lib/authz.ts
 * outsideDistrict), 409 when the expert is not in a status this change applies to.
 * The reason goes on the audit trail and the expert is told. When the change takes the expert out
 * of matching, their pending offers are withdrawn and passed on in the same transaction.
 */
export async function changeExpertStatus(actor: Actor | null, expertId: string, change: StatusChange, reason: string) {
  const admin = requirePermission(actor, change.permission);
  return routingTransaction(async (tx) => {
    if (change.leavesMatching) await lockRequestsOfPendingOffers(tx, expertId);
    const [changed] = await tx
      .update(experts)
      .set({ status: change.to, updatedAt: new Date() })
      .where(and(eq(experts.id, expertId), inArray(experts.status, [...change.from]), expertInDistrictOf(admin)))
      .returning({ userId: experts.userId });
    if (!changed) {
      const [exists] = await tx.select({ homeRegionCode: experts.homeRegionCode }).from(experts).where(eq(experts.id, expertId));
      if (!exists) throw notFound();
      requireDistrict(admin, change.permission, exists.homeRegionCode);
      throw conflict("roster.errors.wrongStatus");
    }
    await recordEvent(tx, admin, { type: change.eventType, entityType: "expert", entityId: expertId, reason });
    if (change.leavesMatching) await releasePendingOffers(tx, admin, expertId, reason);
    await notify(tx, { userIds: [changed.userId], kind: "expert.decision", data: { decision: change.to, reason } });
    return (await expertDecisionView(tx, expertId))!;
  });
}
