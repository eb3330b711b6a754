import { and, eq, exists, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db, type DbOrTx } from "@/db";
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

/** 404 for an id that cannot be a request's. */
export function assertRequestId(requestId: string): void {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw notFound();
}

/**
 * The request with this id if the actor may see it, as SQL on requests; 404 for an id that cannot
 * be one. The id may be a placeholder in a prepared query (checked with assertRequestId when run).
 */
export function visibleRequest(actor: Actor, requestId: string | Placeholder): SQL {
  if (typeof requestId === "string") assertRequestId(requestId);
  return and(eq(requests.id, requestId), visibleRequests(actor))!;
}

/** The request if the actor may see it; otherwise 404 (what one may not see does not exist). */
export async function loadVisibleRequest(handle: DbOrTx, actor: Actor, requestId: string): Promise<RequestCore> {
  const [row] = await handle.select(core).from(requests).where(visibleRequest(actor, requestId)).limit(1);
  if (!row) throw notFound();
  return row;
}

/**
 * Whether the actor takes part in the case: the filing company or station, the assigned expert,
 * or an admin whose scope covers it. An expert who was only offered the case sees its essentials
 * but not its messages and files (they are confidential until someone accepts).
 */
export function isCaseParty(actor: Actor, request: Pick<RequestCore, "enterpriseId" | "stationId" | "assignedExpertId" | "regionCode">): boolean {
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
  const seat = panelSeat(actor, requestId);
  if (!seat) return false;
  const [row] = await handle.select({ id: panelMembers.id }).from(panelMembers).where(seat).limit(1);
  return Boolean(row);
}

/** isPanelMember as SQL on the outer query's requests row, for a read that decides it in the same statement. */
export function isPanelMemberOfRequest(actor: Actor): SQL<boolean> {
  const seat = panelSeat(actor, requests.id);
  if (!seat) return sql<boolean>`false`;
  const seats = db
    .select({ one: sql`1` })
    .from(panelMembers)
    .where(seat);
  return sql<boolean>`${exists(seats)}`;
}

/** The actor's accepted seat on the case's panel, as SQL on panel_members; null when the actor is no expert. */
function panelSeat(actor: Actor, requestId: string | AnyPgColumn): SQL | null {
  if (actor.role !== "expert" || !actor.expertId) return null;
  return and(eq(panelMembers.requestId, requestId), eq(panelMembers.expertId, actor.expertId), eq(panelMembers.status, "accepted"))!;
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
