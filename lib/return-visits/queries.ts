import { and, asc, count, eq, exists, isNull, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { enterprises, experts, requests, returnVisitFollowUps, returnVisits, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { TIME_ZONE, todayInShanghai } from "@/lib/clock";
import { visibleRequests } from "@/lib/requests/scope";
import { getServiceLevels } from "@/lib/timeliness/service-levels";
import type { ReturnVisitListQuery } from "./schemas";

export interface ReturnVisitListItem {
  requestId: string;
  caseNumber: string;
  closedAt: Date;
  dueOn: string;
  visited: boolean;
  enterpriseName: string | null;
  expertName: string | null;
}

/**
 * Admins (their district's cases; an unscoped admin all). A closed case falls due for its return
 * visit `returnVisitAfterDays` calendar days after the day it closed (China time), and stays due
 * until a visit is recorded. `due` lists only those due today or earlier; otherwise every closed
 * case, with its due date and whether it was visited. The oldest due first, paginated.
 */
export async function listReturnVisitWorklist(actor: Actor | null, query: ReturnVisitListQuery) {
  const admin = requirePermission(actor, "request.returnVisit");
  const { returnVisitAfterDays } = await getServiceLevels();
  const today = todayInShanghai();
  const dueOn = sql`((${requests.closedAt} at time zone ${TIME_ZONE})::date + ${returnVisitAfterDays}::int)`;
  const visited = exists(
    db
      .select({ one: sql`1` })
      .from(returnVisits)
      .where(eq(returnVisits.requestId, requests.id)),
  );
  const conditions: SQL[] = [eq(requests.status, "closed"), sql`${requests.closedAt} is not null`, visibleRequests(admin)];
  // Due by today = closed before the China-time midnight that starts the day after today less the
  // wait: a range of closed_at, which requests_closed_idx serves (the due date itself is an expression).
  const dueBefore = sql`((${today}::date - ${returnVisitAfterDays}::int + 1)::timestamp at time zone ${TIME_ZONE})`;
  if (query.due) conditions.push(sql`${requests.closedAt} < ${dueBefore}`, sql`not ${visited}`);
  const where = and(...conditions);
  const [items, [counted]] = await Promise.all([
    db
      .select({
        requestId: requests.id,
        caseNumber: requests.caseNumber,
        closedAt: sql<Date>`${requests.closedAt}`.mapWith(requests.closedAt),
        dueOn: sql<string>`to_char(${dueOn}, 'YYYY-MM-DD')`,
        visited: sql<boolean>`${visited}`.mapWith(Boolean),
        enterpriseName: enterprises.name,
        expertName: experts.name,
      })
      .from(requests)
      .leftJoin(enterprises, eq(enterprises.id, requests.enterpriseId))
      .leftJoin(experts, eq(experts.id, requests.assignedExpertId))
      .where(where)
      // the due date grows with the closing time: the same order, read from requests_closed_idx
      .orderBy(asc(requests.closedAt), asc(requests.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(requests).where(where),
  ]);
  return { items: items as ReturnVisitListItem[], page: query.page, pageSize: query.pageSize, total: counted?.total ?? 0 };
}

/** Whole calendar days from `dueOn` to `today` (both YYYY-MM-DD): 0 on the day it falls due. */
export function daysOverdue(dueOn: string, today: string = todayInShanghai()): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000);
}

/**
 * Admins: the open follow-ups of their district's cases (return visits that found the company
 * dissatisfied), the longest open first, with the visit that opened each.
 */
export async function listOpenFollowUps(actor: Actor | null) {
  const admin = requirePermission(actor, "request.returnVisit");
  return db
    .select({
      id: returnVisitFollowUps.id,
      requestId: requests.id,
      caseNumber: requests.caseNumber,
      enterpriseName: enterprises.name,
      openedAt: returnVisitFollowUps.openedAt,
      visitedOn: returnVisits.visitedOn,
      method: returnVisits.method,
      satisfaction: returnVisits.satisfaction,
      note: returnVisits.note,
      visitedByName: users.name,
    })
    .from(returnVisitFollowUps)
    .innerJoin(requests, eq(requests.id, returnVisitFollowUps.requestId))
    .innerJoin(returnVisits, eq(returnVisits.id, returnVisitFollowUps.returnVisitId))
    .innerJoin(users, eq(users.id, returnVisits.visitedBy))
    .leftJoin(enterprises, eq(enterprises.id, requests.enterpriseId))
    .where(and(isNull(returnVisitFollowUps.closedAt), visibleRequests(admin)))
    .orderBy(asc(returnVisitFollowUps.openedAt), asc(returnVisitFollowUps.id))
    .limit(200);
}
export type OpenFollowUp = Awaited<ReturnType<typeof listOpenFollowUps>>[number];
