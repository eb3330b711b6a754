import { and, asc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { appraisals, appointments, experts, regions } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import type { AppraisalGrade } from "@/lib/enums";
import { notFound } from "@/lib/errors";
import { withinRegion } from "@/lib/regions/codes";
import { scorecards, type Scorecard } from "./scorecard";

/** A year's scorecard of one expert, with the grade their district's admins recorded (if any). */
export interface AppraisalItem extends Scorecard {
  expertId: string;
  name: string;
  year: number;
  /** The expert's district (county code) and its name. */
  district: string;
  districtName: string;
  grade?: AppraisalGrade;
  comment?: string;
  gradedAt?: Date;
}

export const currentYear = () => Number(todayInShanghai().slice(0, 4));

/**
 * SQL: the expert (table `experts`) served during the year: a term in the appointment history, or
 * the current term, overlapping it.
 */
export function servedInYear(year: number): SQL {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return sql`(exists (select 1 from ${appointments} a where a.expert_id = ${experts.id} and a.term_start <= ${last}::date and a.term_end >= ${first}::date)
    or (${experts.termStart} <= ${last}::date and ${experts.termEnd} >= ${first}::date))`;
}

/** The experts who served in the year, in a district (all with null), with their grades of the year. */
async function appraisedExperts(year: number, filters: (SQL | undefined)[], handle: DbOrTx = db) {
  return handle
    .select({
      expertId: experts.id,
      name: experts.name,
      district: sql<string>`left(${experts.homeRegionCode}, 6)`,
      districtName: sql<string>`coalesce(${regions.nameZh}, left(${experts.homeRegionCode}, 6))`,
      grade: appraisals.grade,
      comment: appraisals.comment,
      gradedAt: appraisals.gradedAt,
    })
    .from(experts)
    .leftJoin(regions, eq(regions.code, sql`left(${experts.homeRegionCode}, 6)`))
    .leftJoin(appraisals, and(eq(appraisals.expertId, experts.id), eq(appraisals.year, year)))
    .where(and(servedInYear(year), ...filters))
    .orderBy(asc(experts.name), asc(experts.id));
}

async function withScorecards(year: number, rows: Awaited<ReturnType<typeof appraisedExperts>>, handle: DbOrTx = db): Promise<AppraisalItem[]> {
  const cards = await scorecards(
    year,
    rows.map((r) => r.expertId),
    handle,
  );
  return rows.map((r) => ({
    expertId: r.expertId,
    name: r.name,
    year,
    district: r.district,
    districtName: r.districtName,
    ...cards.get(r.expertId)!,
    ...(r.grade ? { grade: r.grade, comment: r.comment ?? "", gradedAt: r.gradedAt! } : {}),
  }));
}

/**
 * GET /api/v1/appraisals: the year's scorecards of the experts who served in it, with their grades.
 * Admins only (403); a district's admin sees their district's experts, an unscoped admin every
 * district's (or one, with `district`).
 */
export async function listAppraisals(actor: Actor | null, query: { year?: number; district?: string }): Promise<AppraisalItem[]> {
  const admin = requirePermission(actor, "appraisal.read");
  const year = query.year ?? currentYear();
  const rows = await appraisedExperts(year, [
    admin.regionScope ? withinRegion(experts.homeRegionCode, admin.regionScope) : undefined,
    query.district ? withinRegion(experts.homeRegionCode, query.district) : undefined,
  ]);
  return withScorecards(year, rows);
}

/** The signed-in expert's own scorecards and grades, this year and every graded year, newest first. */
export async function ownAppraisals(actor: Actor | null): Promise<AppraisalItem[]> {
  const expert = requirePermission(actor, "appraisal.readOwn");
  if (!expert.expertId) throw notFound();
  const graded = await db.select({ year: appraisals.year }).from(appraisals).where(eq(appraisals.expertId, expert.expertId));
  const years = [...new Set([currentYear(), ...graded.map((g) => g.year)])].sort((a, b) => b - a);
  const items: AppraisalItem[] = [];
  for (const year of years) {
    const rows = await appraisedExperts(year, [eq(experts.id, expert.expertId)]);
    items.push(...(await withScorecards(year, rows)));
  }
  return items;
}

/** The appraisals recorded for an expert in the years from `fromYear` to `toYear` (a term), oldest first. */
export async function appraisalsOfTerm(expertId: string, fromYear: number, toYear: number, handle: DbOrTx = db) {
  return handle
    .select({ year: appraisals.year, grade: appraisals.grade, comment: appraisals.comment, gradedAt: appraisals.gradedAt })
    .from(appraisals)
    .where(and(eq(appraisals.expertId, expertId), gte(appraisals.year, fromYear), lte(appraisals.year, toYear)))
    .orderBy(asc(appraisals.year));
}

export interface CommendedExpert {
  id: string;
  name: string;
  /** The expert's district (county code) and its names. */
  district: string;
  districtNameZh: string | null;
  districtNameEn: string | null;
  comment: string;
}

/**
 * The year's commended experts: those graded 优秀 (excellent), within a region scope when one is
 * given (the annual report of a district). Public (the commended list, the annual report): names,
 * districts and the admins' comment only.
 */
export async function commendedExperts(year: number, regionScope: string | null = null, handle: DbOrTx = db): Promise<CommendedExpert[]> {
  return handle
    .select({
      id: experts.id,
      name: experts.name,
      district: sql<string>`left(${experts.homeRegionCode}, 6)`,
      districtNameZh: regions.nameZh,
      districtNameEn: regions.nameEn,
      comment: appraisals.comment,
    })
    .from(appraisals)
    .innerJoin(experts, eq(experts.id, appraisals.expertId))
    .leftJoin(regions, eq(regions.code, sql`left(${experts.homeRegionCode}, 6)`))
    .where(
      and(eq(appraisals.year, year), eq(appraisals.grade, "excellent"), regionScope ? withinRegion(experts.homeRegionCode, regionScope) : undefined),
    )
    .orderBy(asc(experts.name), asc(experts.id));
}
