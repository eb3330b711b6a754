import { and, eq, gte, lt, sql } from "drizzle-orm";
import { db } from "@/db";
import { requests, typicalCases } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { commendedExperts } from "@/lib/appraisals/queries";
import { withinRegion } from "@/lib/regions/codes";
import { getReport, type Report, type ReportRow } from "@/lib/reports/get-report";
import { makePeriod } from "@/lib/reports/period";
import type { ReportDimension } from "@/lib/reports/schemas";

/** The sections of figures, in the order the page and the workbook show them; "region" is the district. */
export const annualSections = ["region", "category", "outcome", "month", "station", "expert"] as const satisfies readonly ReportDimension[];
export type AnnualSection = (typeof annualSections)[number];

export interface AnnualTypicalCase {
  id: string;
  titleZh: string;
  titleEn: string | null;
  disputesResolved: number;
  recoveredFen: bigint;
  publishedAt: Date;
}

export interface Commendation {
  expertId: string;
  name: string;
  districtCode: string | null;
  districtNameZh: string | null;
  districtNameEn: string | null;
}

export interface AnnualReport {
  year: number;
  from: string;
  to: string;
  /** The admin's region scope, or null for the whole zone. */
  regionScope: string | null;
  totals: ReportRow;
  sections: Record<AnnualSection, Report>;
  typicalCases: AnnualTypicalCase[];
  commendations: Commendation[];
}

/** The year as a period of whole months (Asia/Shanghai), so the rollups answer it. */
export const yearPeriod = (year: number) => makePeriod(`${year}-01-01`, `${year}-12-31`);

/** Shanghai midnight on 1 January of `year`. */
const yearStart = (year: number) => new Date(`${year}-01-01T00:00:00+08:00`);

/** The typical cases published in the year whose request lies in the scope, in order of publication. */
async function publishedTypicalCases(year: number, regionScope: string | null): Promise<AnnualTypicalCase[]> {
  const rows = await db
    .select({
      id: typicalCases.id,
      titleZh: typicalCases.titleZh,
      titleEn: typicalCases.titleEn,
      disputesResolved: typicalCases.disputesResolved,
      recoveredFen: typicalCases.recoveredFen,
      publishedAt: typicalCases.publishedAt,
    })
    .from(typicalCases)
    .innerJoin(requests, eq(requests.id, typicalCases.requestId))
    .where(
      and(
        eq(typicalCases.status, "published"),
        gte(typicalCases.publishedAt, yearStart(year)),
        lt(typicalCases.publishedAt, yearStart(year + 1)),
        regionScope ? withinRegion(requests.regionCode, regionScope) : sql`true`,
      ),
    )
    .orderBy(typicalCases.publishedAt, typicalCases.id);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }));
}

/**
 * The law society's annual report for a calendar year: the figures by district, category of work,
 * outcome, month, station and expert (each exactly GET /api/v1/reports for the year), the typical
 * cases published in the year and the experts commended. Callers: admins (403 otherwise), within
 * their region scope (a district's admin: its district only; by district it is then by town).
 */
export async function getAnnualReport(actor: Actor | null, year: number, locale: Locale): Promise<AnnualReport> {
  const admin = requirePermission(actor, "report.read");
  const period = yearPeriod(year);
  const [reports, typical, commendations] = await Promise.all([
    Promise.all(annualSections.map((groupBy) => getReport(admin, { groupBy, period }, locale))),
    publishedTypicalCases(year, admin.regionScope),
    commendedExperts(year, admin.regionScope).then((rows) =>
      rows.map(({ id, name, district, districtNameZh, districtNameEn }) => ({
        expertId: id,
        name,
        districtCode: district,
        districtNameZh,
        districtNameEn,
      })),
    ),
  ]);
  const sections = Object.fromEntries(annualSections.map((s, i) => [s, reports[i]!])) as Record<AnnualSection, Report>;
  return {
    year,
    from: period.from,
    to: period.to,
    regionScope: admin.regionScope,
    totals: sections.expert.totals,
    sections,
    typicalCases: typical,
    commendations,
  };
}
