import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { panelMembers, requests } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime } from "@/lib/clock";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { uuidParam } from "@/lib/validation";
import { expertAccount } from "./panel-case";

type Answer = "accepted" | "declined";

/** The invitation, when it is the expert's own (anyone else's: 404). */
async function ownInvitation(tx: Tx, expertId: string, memberId: string) {
  const [row] = await tx
    .select({
      id: panelMembers.id,
      requestId: panelMembers.requestId,
      status: panelMembers.status,
      invitedBy: panelMembers.invitedBy,
      title: requests.title,
      assignedExpertId: requests.assignedExpertId,
    })
    .from(panelMembers)
    .innerJoin(requests, eq(requests.id, panelMembers.requestId))
    .where(and(eq(panelMembers.id, memberId), eq(panelMembers.expertId, expertId)));
  if (!row) throw notFound();
  return row;
}

async function answer(actor: Actor | null, memberId: string, status: Answer, reason?: string) {
  const expert = requirePermission(actor, "panel.answer");
  if (!expert.expertId) throw forbidden();
  const expertId = expert.expertId;
  if (!uuidParam.safeParse(memberId).success) throw notFound();
  return inTransaction(async (tx) => {
    const invitation = await ownInvitation(tx, expertId, memberId);
    // Once only: the update happens while the row is still `invited`; a second answer finds nothing.
    const [answered] = await tx
      .update(panelMembers)
      .set({ status, respondedAt: currentTime(), reason: status === "declined" ? (reason ?? null) : null })
      .where(and(eq(panelMembers.id, memberId), eq(panelMembers.expertId, expertId), eq(panelMembers.status, "invited")))
      .returning({ id: panelMembers.id });
    if (!answered) throw conflict("panels.errors.answered");
    await recordEvent(tx, expert, {
      type: status === "accepted" ? "panel.accepted" : "panel.declined",
      entityType: "request",
      entityId: invitation.requestId,
      requestId: invitation.requestId,
      reason: reason ?? null,
      data: { memberId, expertId, expertName: expert.name },
    });
    const lead = invitation.assignedExpertId ? await expertAccount(tx, invitation.assignedExpertId) : undefined;
    await notify(tx, {
      userIds: [invitation.invitedBy, ...(lead ? [lead.userId] : [])].filter((id) => id !== expert.userId),
      kind: status === "accepted" ? "panel.accepted" : "panel.declined",
      requestId: invitation.requestId,
      data: { title: invitation.title, memberId, name: expert.name, ...(reason ? { reason } : {}) },
    });
    return { memberId, status };
  });
}

/** The invited expert only (panel.answer; anyone else's invitation: 404) joins the panel, once: answered or removed -> 409. The lead and the inviter are told. */
export function acceptPanelInvitation(actor: Actor | null, memberId: string) {
  return answer(actor, memberId, "accepted");
}

/** The invited expert only declines, with an optional reason, once: answered or removed -> 409. The lead and the inviter are told. */
export function declinePanelInvitation(actor: Actor | null, memberId: string, reason?: string) {
  return answer(actor, memberId, "declined", reason);
}
