import { and, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { companyVisits, enterprises, experts } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { verificationDistrict } from "@/lib/companies/decide-verification";
import { countyOf, regionPrefix } from "@/lib/regions/codes";
import { uuidParam } from "@/lib/validation";

/**
 * A company's district (county code): its region when a station or the seed recorded one,
 * else the district in its credit code (the registering authority's division, characters 3-8, as
 * verification decides it). Null when neither is known: only unscoped admins act for it.
 */
export function companyDistrict(company: { regionCode: string | null; creditCode: string | null; claimedCreditCode: string | null }): string | null {
  if (company.regionCode) return countyOf(company.regionCode);
  const code = company.creditCode ?? company.claimedCreditCode;
  return code ? verificationDistrict(code) : null;
}

/** companyDistrict in SQL, for lists scoped to an admin's district. */
export const companyDistrictSql = sql<
  string | null
>`left(coalesce(${enterprises.regionCode}, substr(coalesce(${enterprises.creditCode}, ${enterprises.claimedCreditCode}), 3, 6)), 6)`;

/**
 * SQL over company_visits joined to enterprises: the visits the actor may see. A company member
 * its company's; an expert their own; an admin those to companies of its district (an unscoped
 * admin every one); station staff none.
 */
export function visibleVisits(actor: Actor): SQL {
  switch (actor.role) {
    case "enterprise":
      return actor.enterpriseId ? eq(companyVisits.enterpriseId, actor.enterpriseId) : sql`false`;
    case "expert":
      return actor.expertId ? eq(companyVisits.expertId, actor.expertId) : sql`false`;
    case "admin":
      return actor.regionScope === null ? sql`true` : sql`${companyDistrictSql} like ${`${regionPrefix(actor.regionScope)}%`}`;
    default:
      return sql`false`;
  }
}

export interface ScopedVisit {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  expertId: string;
  expertName: string;
  expertUserId: string;
  plannedBy: string;
  visitOn: string;
  purpose: string;
  status: (typeof companyVisits.$inferSelect)["status"];
  district: string | null;
}

/**
 * The visit as the actor may see it (404 for an id that is not a visit, or not theirs to see),
 * locked for the rest of the caller's transaction when `lock` is set, so its status is decided once.
 */
export async function visitFor(handle: DbOrTx, actor: Actor, visitId: string, options: { lock?: boolean } = {}): Promise<ScopedVisit> {
  if (!uuidParam.safeParse(visitId).success) throw notFound();
  const query = handle
    .select({
      id: companyVisits.id,
      enterpriseId: companyVisits.enterpriseId,
      enterpriseName: enterprises.name,
      expertId: companyVisits.expertId,
      expertName: experts.name,
      expertUserId: experts.userId,
      plannedBy: companyVisits.plannedBy,
      visitOn: companyVisits.visitOn,
      purpose: companyVisits.purpose,
      status: companyVisits.status,
      district: companyDistrictSql,
    })
    .from(companyVisits)
    .innerJoin(enterprises, eq(enterprises.id, companyVisits.enterpriseId))
    .innerJoin(experts, eq(experts.id, companyVisits.expertId))
    .where(and(eq(companyVisits.id, visitId), visibleVisits(actor)));
  const [visit] = options.lock ? await query.for("update", { of: companyVisits }) : await query;
  if (!visit) throw notFound();
  return visit;
}
