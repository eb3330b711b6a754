import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { panelMembers } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime } from "@/lib/clock";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { uuidParam } from "@/lib/validation";
import { expertAccount, lockCaseForLead, PANEL_WORK_STATUSES } from "./panel-case";

/**
 * The lead or an admin of the case's district (panel.manage) takes an invited or accepted member off
 * the panel, with an optional reason; they no longer see the case. Not a live member of this case:
 * 404 / 409. The member is told.
 */
export async function removePanelMember(actor: Actor | null, requestId: string, memberId: string, reason?: string) {
  const manager = requirePermission(actor, "panel.manage");
  return inTransaction(async (tx) => {
    const request = await lockCaseForLead(tx, manager, requestId, PANEL_WORK_STATUSES);
    const [member] = await tx
      .select({ id: panelMembers.id, expertId: panelMembers.expertId })
      .from(panelMembers)
      .where(and(eq(panelMembers.id, memberId), eq(panelMembers.requestId, request.id)));
    if (!member) throw notFound();
    const [removed] = await tx
      .update(panelMembers)
      .set({ status: "removed", respondedAt: currentTime(), reason: reason ?? null })
      .where(and(eq(panelMembers.id, memberId), inArray(panelMembers.status, ["invited", "accepted"])))
      .returning({ id: panelMembers.id });
    if (!removed) throw conflict("panels.errors.notLive");
    const expert = await expertAccount(tx, member.expertId);
    await recordEvent(tx, manager, {
      type: "panel.removed",
      entityType: "request",
      entityId: request.id,
      requestId: request.id,
      reason: reason ?? null,
      data: { memberId, expertId: member.expertId, expertName: expert?.name },
    });
    if (expert)
      await notify(tx, { userIds: [expert.userId], kind: "panel.removed", requestId: request.id, data: { title: request.title, memberId } });
    return { memberId, status: "removed" as const };
  });
}

/**
 * POST /api/v1/panel-members/{id}/remove: the same, for the member found by its id (their case is
 * the one the lead or admin must hold or oversee; anyone else gets 404).
 */
export async function removePanelMemberById(actor: Actor | null, memberId: string, reason?: string) {
  const manager = requirePermission(actor, "panel.manage");
  if (!uuidParam.safeParse(memberId).success) throw notFound();
  const [member] = await db.select({ requestId: panelMembers.requestId }).from(panelMembers).where(eq(panelMembers.id, memberId));
  if (!member) throw notFound();
  return removePanelMember(manager, member.requestId, memberId, reason);
}
