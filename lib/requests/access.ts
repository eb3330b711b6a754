import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { panelMembers, requests } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { isWithinRegion } from "@/lib/regions/codes";
import { visibleRequests } from "./scope";

/** The columns the use cases decide on. */
const core = {
  id: requests.id,
  title: requests.title,
  status: requests.status,
  enterpriseId: requests.enterpriseId,
  stationId: requests.stationId,
  filedByUserId: requests.filedByUserId,
  assignedExpertId: requests.assignedExpertId,
  regionCode: requests.regionCode,
  resolvedAt: requests.resolvedAt,
};
export type RequestCore = { [K in keyof typeof core]: (typeof requests.$inferSelect)[K] };

/** The request if the actor may see it; otherwise 404 (what one may not see does not exist). */
export async function loadVisibleRequest(handle: DbOrTx, actor: Actor, requestId: string): Promise<RequestCore> {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw notFound();
  const [row] = await handle
    .select(core)
    .from(requests)
    .where(and(eq(requests.id, requestId), visibleRequests(actor)))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

/**
 * Whether the actor takes part in the case: the filing company or station, the assigned expert,
 * or an admin whose scope covers it. An expert who was only offered the case sees its essentials
 * but not its messages and files (they are confidential until someone accepts).
 */
export function isCaseParty(actor: Actor, request: RequestCore): boolean {
  switch (actor.role) {
    case "enterprise":
      return actor.enterpriseId === request.enterpriseId;
    case "station":
      return actor.stationId !== null && actor.stationId === request.stationId;
    case "expert":
      return actor.expertId !== null && actor.expertId === request.assignedExpertId;
    case "admin":
      return actor.regionScope === null || isWithinRegion(request.regionCode, actor.regionScope);
  }
}

/**
 * Whether the expert serves on the case's joint-consultation panel (会诊: an accepted member). A
 * member reads the case and writes in its conversation, but never holds it: disputes, money,
 * contacts, hours and closing stay with the parties (isCaseParty).
 */
export async function isPanelMember(handle: DbOrTx, actor: Actor, requestId: string): Promise<boolean> {
  if (actor.role !== "expert" || !actor.expertId) return false;
  const [row] = await handle
    .select({ id: panelMembers.id })
    .from(panelMembers)
    .where(and(eq(panelMembers.requestId, requestId), eq(panelMembers.expertId, actor.expertId), eq(panelMembers.status, "accepted")))
    .limit(1);
  return Boolean(row);
}

/** Whether the actor reads the case's conversation and files: one of its parties, or a member of its panel. */
export async function isCaseReader(handle: DbOrTx, actor: Actor, request: RequestCore): Promise<boolean> {
  return isCaseParty(actor, request) || (await isPanelMember(handle, actor, request.id));
}

/** The case if the actor is one of its parties or a member of its panel; otherwise 404. */
export async function loadCaseForReader(handle: DbOrTx, actor: Actor, requestId: string): Promise<RequestCore> {
  const request = await loadVisibleRequest(handle, actor, requestId);
  if (!(await isCaseReader(handle, actor, request))) throw notFound();
  return request;
}

/** The case if the actor is one of its parties; otherwise 404. */
export async function loadCaseForParty(handle: DbOrTx, actor: Actor, requestId: string): Promise<RequestCore> {
  const request = await loadVisibleRequest(handle, actor, requestId);
  if (!isCaseParty(actor, request)) throw notFound();
  return request;
}
