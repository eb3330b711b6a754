import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { experts, offers, panelMembers, requests, users } from "@/db/schema";
import { isWithinRegion } from "@/lib/regions/codes";

/** The people who follow a request, by the part they play in it. */
type Party =
  /** every active member of the filing company, and the filing station's staff */
  | "filers"
  /** the expert who holds the case */
  | "assignedExpert"
  /** the expert offered the case, while the offer is pending */
  | "offeredExpert"
  /** the accepted members of the case's joint-consultation panel (会诊) */
  | "panelMembers"
  /** the admins whose region covers the request */
  | "admins"
  /** the admins, while no expert holds the case (afterwards the expert answers) */
  | "adminsUntilAssigned";

/**
 * Who is told of what happens to a request: one line per kind of change, and nothing else decides
 * it. An offer's own expert is told of their offer directly (new, deadline near, withdrawn, taken
 * back), as is whoever recorded a ledger entry of the company's answer to it.
 */
const AUDIENCE = {
  /** filed, or amended and filed again */
  "request.submitted": ["admins"],
  /** the filer's receipt (受理通知), with the case number */
  "request.received": ["filers"],
  "request.triage": ["filers"],
  "request.return": ["filers"],
  "request.reject": ["filers"],
  "request.withdraw": ["offeredExpert", "admins"],
  /** every candidate declined or let the offer lapse */
  "request.exhaust": ["admins"],
  "request.accept": ["filers"],
  "request.start": ["filers"],
  "request.resolve": ["filers"],
  "request.close": ["filers", "assignedExpert", "admins"],
  /** the company does not accept the outcome: the case is the expert's again */
  "request.object": ["assignedExpert", "admins"],
  /** a return visit found the company dissatisfied: the district's admins follow it up */
  "request.follow_up": ["admins"],
  "message.new": ["filers", "assignedExpert", "panelMembers", "adminsUntilAssigned"],
  "recovery.recorded": ["filers"],
  "recovery.reversed": ["filers"],
} as const satisfies Record<string, readonly Party[]>;

export type AudienceKind = keyof typeof AUDIENCE;

/**
 * The accounts to tell of `kind` on the request as it stands in the caller's transaction (call it
 * after the change), without `except` (the one who made the change) and without disabled accounts.
 */
export async function audienceOf(handle: DbOrTx, kind: AudienceKind, request: { id: string }, except?: string | null): Promise<string[]> {
  const [row] = await handle
    .select({
      enterpriseId: requests.enterpriseId,
      stationId: requests.stationId,
      assignedExpertId: requests.assignedExpertId,
      regionCode: requests.regionCode,
    })
    .from(requests)
    .where(eq(requests.id, request.id));
  if (!row) return [];
  return audienceOfRequest(handle, kind, { id: request.id, ...row }, except);
}

/** audienceOf for a request whose parties the caller knows (one being filed): it does not read the request. */
export async function audienceOfRequest(handle: DbOrTx, kind: AudienceKind, request: Followed, except?: string | null): Promise<string[]> {
  const ids = new Set<string>();
  for (const party of AUDIENCE[kind]) for (const id of await accountsOf(handle, party, request)) ids.add(id);
  if (except) ids.delete(except);
  return [...ids];
}

export interface Followed {
  id: string;
  enterpriseId: string;
  stationId: string | null;
  assignedExpertId: string | null;
  regionCode: string;
}

async function accountsOf(handle: DbOrTx, party: Party, request: Followed): Promise<string[]> {
  switch (party) {
    case "filers":
      return ids(
        handle
          .select({ id: users.id })
          .from(users)
          .where(
            and(
              isNull(users.disabledAt),
              or(eq(users.enterpriseId, request.enterpriseId), request.stationId ? eq(users.stationId, request.stationId) : undefined),
            ),
          ),
      );
    case "assignedExpert":
      if (!request.assignedExpertId) return [];
      return ids(
        handle
          .select({ id: users.id })
          .from(experts)
          .innerJoin(users, eq(users.id, experts.userId))
          .where(and(eq(experts.id, request.assignedExpertId), isNull(users.disabledAt))),
      );
    case "offeredExpert":
      return ids(
        handle
          .select({ id: users.id })
          .from(offers)
          .innerJoin(experts, eq(experts.id, offers.expertId))
          .innerJoin(users, eq(users.id, experts.userId))
          .where(and(eq(offers.requestId, request.id), eq(offers.status, "pending"), isNull(users.disabledAt))),
      );
    case "panelMembers":
      return ids(
        handle
          .select({ id: users.id })
          .from(panelMembers)
          .innerJoin(experts, eq(experts.id, panelMembers.expertId))
          .innerJoin(users, eq(users.id, experts.userId))
          .where(and(eq(panelMembers.requestId, request.id), eq(panelMembers.status, "accepted"), isNull(users.disabledAt))),
      );
    case "adminsUntilAssigned":
      return request.assignedExpertId ? [] : adminsOf(handle, request.regionCode);
    case "admins":
      return adminsOf(handle, request.regionCode);
  }
}

async function ids(rows: Promise<{ id: string }[]>): Promise<string[]> {
  return (await rows).map((r) => r.id);
}

/**
 * The admins whose district covers a region (the unscoped admins cover every one), without disabled
 * accounts: those told of a request in it, and of an application from an expert whose home region it is.
 */
export async function adminsOf(handle: DbOrTx, regionCode: string): Promise<string[]> {
  const rows = await handle
    .select({ id: users.id, scope: users.regionScope })
    .from(users)
    // 'admin' written out, not a parameter: the partial index users_active_admins_idx then serves every plan of it
    .where(and(sql`${users.role} = 'admin'`, isNull(users.disabledAt)));
  return rows.filter((r) => r.scope === null || isWithinRegion(regionCode, r.scope)).map((r) => r.id);
}
