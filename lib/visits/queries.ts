import { and, asc, count, desc, eq, exists, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { companyVisitFindings, companyVisits, enterprises, experts, requests, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { visibleRequests } from "@/lib/requests/scope";
import { regionPrefix } from "@/lib/regions/codes";
import { escapeLike, normalizeSearchText } from "@/lib/roster/search-text";
import { hasCurrentAppointment } from "@/lib/roster/term";
import { outer } from "@/lib/sql/outer-column";
import { uuidParam } from "@/lib/validation";
import type { VisitListQuery } from "./schemas";
import { companyDistrictSql, visibleVisits } from "./scope";

const findingCount =
  sql<number>`(select count(*) from ${companyVisitFindings} where ${companyVisitFindings.visitId} = ${outer(companyVisits.id)})`.mapWith(Number);
const needsWorkCount =
  sql<number>`(select count(*) from ${companyVisitFindings} where ${companyVisitFindings.visitId} = ${outer(companyVisits.id)} and ${companyVisitFindings.needsWork})`.mapWith(
    Number,
  );
const isOpen = sql`${companyVisits.status} in ('proposed', 'confirmed')`;

const listColumns = {
  id: companyVisits.id,
  enterpriseId: companyVisits.enterpriseId,
  enterpriseName: enterprises.name,
  expertId: companyVisits.expertId,
  expertName: experts.name,
  visitOn: companyVisits.visitOn,
  purpose: companyVisits.purpose,
  status: companyVisits.status,
  reason: companyVisits.reason,
  answeredAt: companyVisits.answeredAt,
  doneAt: companyVisits.doneAt,
  createdAt: companyVisits.createdAt,
  findings: findingCount,
  needsWork: needsWorkCount,
};

/**
 * The visits the actor may see (a company its own, an expert theirs, an admin its district's):
 * the open ones (proposed, confirmed) first, the soonest first; then the others, the latest first.
 * `status` keeps one status. Paginated.
 */
export async function listVisits(actor: Actor | null, query: VisitListQuery) {
  const reader = requirePermission(actor, "visit.read");
  const where = and(visibleVisits(reader), query.status ? eq(companyVisits.status, query.status) : undefined);
  const from = () =>
    db
      .select(listColumns)
      .from(companyVisits)
      .innerJoin(enterprises, eq(enterprises.id, companyVisits.enterpriseId))
      .innerJoin(experts, eq(experts.id, companyVisits.expertId));
  const [items, [counted]] = await Promise.all([
    from()
      .where(where)
      .orderBy(
        sql`case when ${isOpen} then 0 else 1 end`,
        sql`case when ${isOpen} then ${companyVisits.visitOn} end asc`,
        desc(companyVisits.visitOn),
        desc(companyVisits.createdAt),
        asc(companyVisits.id),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(companyVisits).innerJoin(enterprises, eq(enterprises.id, companyVisits.enterpriseId)).where(where),
  ]);
  return { items, page: query.page, pageSize: query.pageSize, total: counted?.total ?? 0 };
}
export type VisitListItem = Awaited<ReturnType<typeof listVisits>>["items"][number];

/**
 * One visit as the actor may see it (else 404), with its findings: each finding says whether it
 * became a request, and names the request (its case number) when the actor may see that request.
 */
export async function getVisit(actor: Actor | null, visitId: string) {
  const reader = requirePermission(actor, "visit.read");
  if (!uuidParam.safeParse(visitId).success) throw notFound();
  const [visit] = await db
    .select({
      ...listColumns,
      summary: companyVisits.summary,
      plannedByName: users.name,
      district: companyDistrictSql,
    })
    .from(companyVisits)
    .innerJoin(enterprises, eq(enterprises.id, companyVisits.enterpriseId))
    .innerJoin(experts, eq(experts.id, companyVisits.expertId))
    .innerJoin(users, eq(users.id, companyVisits.plannedBy))
    .where(and(eq(companyVisits.id, visitId), visibleVisits(reader)));
  if (!visit) throw notFound();
  const findings = await db
    .select({
      id: companyVisitFindings.id,
      finding: companyVisitFindings.finding,
      recommendation: companyVisitFindings.recommendation,
      needsWork: companyVisitFindings.needsWork,
      requested: sql<boolean>`${companyVisitFindings.requestId} is not null`.mapWith(Boolean),
      requestId: requests.id,
      caseNumber: requests.caseNumber,
    })
    .from(companyVisitFindings)
    .leftJoin(requests, and(eq(requests.id, companyVisitFindings.requestId), visibleRequests(reader)))
    .where(eq(companyVisitFindings.visitId, visit.id))
    .orderBy(asc(companyVisitFindings.createdAt), asc(companyVisitFindings.id));
  return { ...visit, findings };
}
export type VisitDetail = Awaited<ReturnType<typeof getVisit>>;

const hasMembers = exists(
  db
    .select({ one: sql`1` })
    .from(users)
    .where(and(eq(users.enterpriseId, outer(enterprises.id)), sql`${users.disabledAt} is null`)),
);

/**
 * The companies the plan form offers (those with an account, who can answer): an admin those of
 * its district, an expert those of its cases and earlier visits; `q` searches names and credit codes.
 */
export async function companyChoices(actor: Actor | null, q?: string) {
  const planner = requirePermission(actor, "visit.plan");
  const conditions: SQL[] = [hasMembers];
  if (planner.expertId) {
    // The companies of the expert's cases and visits as one set, found through their indexes: not a
    // look-up for every company of the zone.
    conditions.push(sql`${enterprises.id} in (
      select r.enterprise_id from ${requests} r where r.assigned_expert_id = ${planner.expertId}
      union all
      select v.enterprise_id from ${companyVisits} v where v.expert_id = ${planner.expertId})`);
  } else if (planner.regionScope) {
    conditions.push(sql`${companyDistrictSql} like ${`${regionPrefix(planner.regionScope)}%`}`);
  }
  const term = q ? normalizeSearchText(q) : "";
  if (term) {
    const pattern = `%${escapeLike(term)}%`;
    conditions.push(
      or(
        sql`lower(normalize(${enterprises.name}, NFKC)) like ${pattern} escape '\\'`,
        sql`${enterprises.creditCode} like ${`%${escapeLike(term.toUpperCase())}%`} escape '\\'`,
      )!,
    );
  }
  return db
    .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(and(...conditions))
    .orderBy(asc(enterprises.name), asc(enterprises.id))
    .limit(30);
}

/** Admins: the experts a visit may be planned for (a current appointment), those who offer visits (巡诊) first. */
export async function expertChoices(actor: Actor | null) {
  requirePermission(actor, "visit.plan");
  return db
    .select({
      id: experts.id,
      name: experts.name,
      organization: experts.organization,
      offersVisits: sql<boolean>`'visit' = any(${experts.serviceModes})`.mapWith(Boolean),
    })
    .from(experts)
    .where(hasCurrentAppointment())
    .orderBy(sql`case when 'visit' = any(${experts.serviceModes}) then 0 else 1 end`, asc(experts.name), asc(experts.id))
    .limit(500);
}
