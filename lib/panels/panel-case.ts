import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { experts, panelMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { conflict, forbidden, notFound } from "@/lib/errors";
import type { RequestStatus } from "@/lib/enums";
import { isPanelMember, loadVisibleRequest, type RequestCore } from "@/lib/requests/access";
import { lockRequest } from "@/lib/requests/lock";

/** While a panel is formed: the case is held by its lead and still being worked on. */
export const PANEL_FORMING_STATUSES = ["accepted", "in_progress"] as const satisfies readonly RequestStatus[];
/** While notes and opinions are recorded: also once resolved (the company may still object). */
export const PANEL_WORK_STATUSES = ["accepted", "in_progress", "resolved"] as const satisfies readonly RequestStatus[];

/**
 * Inside the caller's transaction: the case, locked, when the actor manages its panel: its lead
 * (the assigned expert) or an admin whose district covers it. Not visible: 404; a member or an
 * invitee: 403; the case not in `statuses`: 409.
 */
export async function lockCaseForLead(tx: Tx, actor: Actor, requestId: string, statuses: readonly RequestStatus[]): Promise<RequestCore> {
  const request = await loadVisibleRequest(tx, actor, requestId);
  const locked = await lockRequest(tx, request.id);
  if (!locked) throw notFound();
  if (actor.role === "expert" && (!actor.expertId || locked.assignedExpertId !== actor.expertId)) throw forbidden();
  if (actor.role !== "expert" && actor.role !== "admin") throw forbidden();
  if (!(statuses as readonly string[]).includes(locked.status)) throw conflict("panels.errors.notOpen");
  return { ...request, status: locked.status, assignedExpertId: locked.assignedExpertId };
}

/**
 * Inside the caller's transaction: the case when the actor writes its internal notes: the lead, an
 * accepted member of its panel, or an admin whose district covers it. Others who see it: 403.
 */
export async function loadCaseForNotes(tx: Tx, actor: Actor, requestId: string): Promise<RequestCore> {
  const request = await loadVisibleRequest(tx, actor, requestId);
  if (!(await isPanelWorker(tx, actor, request))) throw forbidden();
  return request;
}

/** Whether the actor takes part in the panel's work: the lead, an accepted member, an admin in scope (the request is visible to them). */
export async function isPanelWorker(handle: DbOrTx, actor: Actor, request: RequestCore): Promise<boolean> {
  if (actor.role === "admin") return true;
  if (actor.role !== "expert" || !actor.expertId) return false;
  return actor.expertId === request.assignedExpertId || (await isPanelMember(handle, actor, request.id));
}

/** The accounts of the lead and of the accepted members (for telling them of the panel's work). */
export async function panelAccounts(tx: Tx, request: Pick<RequestCore, "id" | "assignedExpertId">): Promise<string[]> {
  const members = await tx
    .select({ userId: experts.userId })
    .from(panelMembers)
    .innerJoin(experts, eq(experts.id, panelMembers.expertId))
    .where(and(eq(panelMembers.requestId, request.id), inArray(panelMembers.status, ["accepted"])));
  const lead = request.assignedExpertId
    ? await tx.select({ userId: experts.userId }).from(experts).where(eq(experts.id, request.assignedExpertId))
    : [];
  return [...lead, ...members].map((r) => r.userId);
}

/** An expert's name and account. */
export async function expertAccount(tx: Tx, expertId: string) {
  const [row] = await tx
    .select({ userId: experts.userId, name: experts.name, email: users.email })
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .where(eq(experts.id, expertId));
  return row;
}
