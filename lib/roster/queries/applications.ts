import { aliasedTable, and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { applicationChecks, expertApplications, experts, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { withinRegion } from "@/lib/regions/codes";
import { uuidParam } from "@/lib/validation";
import { readApplicationDetails, requiredChecks } from "../application-details";
import type { ApplicationQuery } from "../schemas";

async function checksOf(applicationIds: string[]) {
  if (!applicationIds.length) return new Map<string, { item: string; checkedAt: Date; checkedByName: string; note: string }[]>();
  const rows = await db
    .select({
      applicationId: applicationChecks.applicationId,
      item: applicationChecks.item,
      checkedAt: applicationChecks.checkedAt,
      checkedByName: users.name,
      note: applicationChecks.note,
    })
    .from(applicationChecks)
    .innerJoin(users, eq(users.id, applicationChecks.checkedBy))
    .where(inArray(applicationChecks.applicationId, applicationIds));
  const map = new Map<string, { item: string; checkedAt: Date; checkedByName: string; note: string }[]>();
  for (const { applicationId, ...check } of rows) map.set(applicationId, [...(map.get(applicationId) ?? []), check]);
  return map;
}

/**
 * The application queue (admins): pending first by age, then decided ones newest first. Every
 * admin reads every district's applications (as it reads the whole roster); only the applicant's
 * district's admins check and decide them. `district` narrows the list to one district's.
 */
export async function listApplications(actor: Actor | null, query: ApplicationQuery) {
  requirePermission(actor, "application.list");
  const where: SQL | undefined = and(
    query.status ? eq(expertApplications.status, query.status) : undefined,
    query.district ? withinRegion(experts.homeRegionCode, query.district) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: expertApplications.id,
        status: expertApplications.status,
        submittedAt: expertApplications.submittedAt,
        decidedAt: expertApplications.decidedAt,
        decisionReason: expertApplications.decisionReason,
        details: expertApplications.details,
        expertId: experts.id,
        name: experts.name,
        organization: experts.organization,
        title: experts.title,
        homeRegionCode: experts.homeRegionCode,
      })
      .from(expertApplications)
      .innerJoin(experts, eq(experts.id, expertApplications.expertId))
      .where(where)
      .orderBy(
        desc(eq(expertApplications.status, "pending")),
        sql`${expertApplications.decidedAt} desc nulls first`,
        asc(expertApplications.submittedAt),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(expertApplications).innerJoin(experts, eq(experts.id, expertApplications.expertId)).where(where),
  ]);
  const checks = await checksOf(rows.map((r) => r.id));
  const items = rows.map(({ details: raw, ...row }) => {
    const details = readApplicationDetails(raw);
    const done = checks.get(row.id) ?? [];
    return {
      ...row,
      kind: details.kind,
      checksDone: done.filter((c) => requiredChecks(details).includes(c.item as never)).length,
      checksNeeded: requiredChecks(details).length,
    };
  });
  return { items, page: query.page, pageSize: query.pageSize, total: total?.n ?? 0 };
}

const decider = aliasedTable(users, "decider");

/** One application with the applicant's full profile, references and checklist (admins). */
export async function getApplication(actor: Actor | null, applicationId: string) {
  requirePermission(actor, "application.list");
  if (!uuidParam.safeParse(applicationId).success) throw notFound();
  const [row] = await db
    .select({
      id: expertApplications.id,
      status: expertApplications.status,
      details: expertApplications.details,
      submittedAt: expertApplications.submittedAt,
      decidedAt: expertApplications.decidedAt,
      decisionReason: expertApplications.decisionReason,
      termYears: expertApplications.termYears,
      decidedByName: decider.name,
      expertId: expertApplications.expertId,
    })
    .from(expertApplications)
    .leftJoin(decider, eq(decider.id, expertApplications.decidedBy))
    .where(eq(expertApplications.id, applicationId));
  if (!row) throw notFound();
  const details = readApplicationDetails(row.details);
  const checks = (await checksOf([row.id])).get(row.id) ?? [];
  return { ...row, details, checks, requiredChecks: requiredChecks(details) };
}

/** The signed-in applicant's own applications with their checklist progress (newest first). */
export async function listOwnApplications(actor: Actor | null) {
  if (!actor?.expertId) return [];
  const rows = await db
    .select({
      id: expertApplications.id,
      status: expertApplications.status,
      details: expertApplications.details,
      submittedAt: expertApplications.submittedAt,
      decidedAt: expertApplications.decidedAt,
      decisionReason: expertApplications.decisionReason,
    })
    .from(expertApplications)
    .where(and(eq(expertApplications.expertId, actor.expertId)))
    .orderBy(desc(expertApplications.submittedAt))
    .limit(10);
  const checks = await checksOf(rows.map((r) => r.id));
  return rows.map(({ details: raw, ...row }) => {
    const details = readApplicationDetails(raw);
    const needed = requiredChecks(details);
    // The applicant sees which checks are done, not which admin did them.
    const done = (checks.get(row.id) ?? []).filter((c) => needed.includes(c.item as never)).map((c) => c.item);
    return { ...row, kind: details.kind, changes: details.kind === "change" ? details.changes : null, needed, done };
  });
}
export type OwnApplication = Awaited<ReturnType<typeof listOwnApplications>>[number];
