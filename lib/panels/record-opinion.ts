import { and, eq, inArray } from "drizzle-orm";
import { experts, panelMembers, panelOpinionMembers, panelOpinions } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime } from "@/lib/clock";
import { invalidField } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { lockCaseForLead, panelAccounts, PANEL_WORK_STATUSES } from "./panel-case";
import type { PanelOpinionInput } from "./schemas";

/**
 * The lead or an admin of the case's district (panel.manage) records the panel's opinion (会诊意见)
 * with the accepted members who agreed; the lead always counts as agreeing. An agreeing expert who
 * is not an accepted member: 422 on `agreedExpertIds`. Several opinions may be recorded over time;
 * each goes on the timeline, and the lead and members are told.
 */
export async function recordPanelOpinion(actor: Actor | null, requestId: string, input: PanelOpinionInput) {
  const manager = requirePermission(actor, "panel.manage");
  return inTransaction(async (tx) => {
    const request = await lockCaseForLead(tx, manager, requestId, PANEL_WORK_STATUSES);
    const chosen = [...new Set(input.agreedExpertIds)].filter((id) => id !== request.assignedExpertId);
    const accepted = chosen.length
      ? await tx
          .select({ expertId: panelMembers.expertId })
          .from(panelMembers)
          .where(and(eq(panelMembers.requestId, request.id), eq(panelMembers.status, "accepted"), inArray(panelMembers.expertId, chosen)))
      : [];
    if (accepted.length !== chosen.length) throw invalidField("agreedExpertIds", "panels.errors.notMember");
    const agreed = [...(request.assignedExpertId ? [request.assignedExpertId] : []), ...chosen];
    const [opinion] = await tx
      .insert(panelOpinions)
      .values({ requestId: request.id, body: input.body, recordedBy: manager.userId, recordedAt: currentTime() })
      .returning({ id: panelOpinions.id });
    if (agreed.length) await tx.insert(panelOpinionMembers).values(agreed.map((expertId) => ({ opinionId: opinion!.id, expertId })));
    const names = agreed.length ? await tx.select({ id: experts.id, name: experts.name }).from(experts).where(inArray(experts.id, agreed)) : [];
    await recordEvent(tx, manager, {
      type: "panel.opinion",
      entityType: "request",
      entityId: request.id,
      requestId: request.id,
      data: { opinionId: opinion!.id, agreed: agreed.map((id) => names.find((n) => n.id === id)?.name ?? id) },
    });
    const audience = (await panelAccounts(tx, request)).filter((id) => id !== manager.userId);
    await notify(tx, { userIds: audience, kind: "panel.opinion", requestId: request.id, data: { title: request.title, name: manager.name } });
    return { id: opinion!.id, agreedExpertIds: agreed };
  });
}
