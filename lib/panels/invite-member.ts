import { and, count, eq, inArray } from "drizzle-orm";
import { panelMembers } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime, todayInShanghai } from "@/lib/clock";
import { conflict, invalidField, isUniqueViolation } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { isTermCurrent } from "@/lib/roster/term";
import { loadCandidateFacts } from "@/lib/routing/candidate-rows";
import { loadRoutingRequest } from "@/lib/routing/load-routing-request";
import { inTransaction } from "@/lib/transaction";
import { expertAccount, lockCaseForLead, PANEL_FORMING_STATUSES } from "./panel-case";
import { MAX_PANEL_MEMBERS, type InvitePanelMemberInput } from "./schemas";

/**
 * The lead expert or an admin of the case's district (panel.manage) invites an expert onto the
 * case's joint-consultation panel (会诊) while the case is accepted or in progress. The invitee must
 * hold a current appointment (422 on `expertId`) and is screened for conflicts of interest with the
 * case's parties exactly as an offer is (409); the lead (422), a live member again (409) and a panel
 * at MAX_PANEL_MEMBERS live members (409) are refused. Writes the invitation and its event; the
 * invitee is told (inbox and mail).
 */
export async function invitePanelMember(actor: Actor | null, requestId: string, input: InvitePanelMemberInput) {
  const manager = requirePermission(actor, "panel.manage");
  return inTransaction(async (tx) => {
    const request = await lockCaseForLead(tx, manager, requestId, PANEL_FORMING_STATUSES);
    if (input.expertId === request.assignedExpertId) throw invalidField("expertId", "panels.errors.isLead");
    const today = todayInShanghai(currentTime());
    // The same facts and conflict screen as an offer (lib/routing/candidate-rows.ts).
    const routing = await loadRoutingRequest(tx, request.id);
    const [facts] = routing ? await loadCandidateFacts(tx, routing, { kind: "one", expertId: input.expertId }, today) : [];
    if (!facts || facts.status !== "active" || !isTermCurrent(facts.termStart, facts.termEnd, today))
      throw invalidField("expertId", "panels.errors.notCurrent");
    if (facts.conflictParty) throw conflict("routing.reasons.excluded.conflict", { party: facts.conflictParty });
    const [live] = await tx
      .select({ n: count() })
      .from(panelMembers)
      .where(and(eq(panelMembers.requestId, request.id), inArray(panelMembers.status, ["invited", "accepted"])));
    if ((live?.n ?? 0) >= MAX_PANEL_MEMBERS) throw conflict("panels.errors.full", { max: MAX_PANEL_MEMBERS });
    let memberId: string;
    try {
      const [row] = await tx
        .insert(panelMembers)
        .values({ requestId: request.id, expertId: input.expertId, invitedBy: manager.userId, invitedAt: currentTime() })
        .returning({ id: panelMembers.id });
      memberId = row!.id;
    } catch (error) {
      if (isUniqueViolation(error, "panel_members_live_key")) throw conflict("panels.errors.alreadyMember");
      throw error;
    }
    const invitee = await expertAccount(tx, input.expertId);
    await recordEvent(tx, manager, {
      type: "panel.invited",
      entityType: "request",
      entityId: request.id,
      requestId: request.id,
      data: { memberId, expertId: input.expertId, expertName: invitee?.name },
    });
    if (invitee)
      await notify(tx, {
        userIds: [invitee.userId],
        kind: "panel.invited",
        requestId: request.id,
        data: { title: request.title, memberId, name: manager.name },
      });
    return { memberId, status: "invited" as const };
  });
}
