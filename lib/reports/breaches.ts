import ExcelJS from "exceljs";
import { and, asc, count, desc, eq, gte, isNotNull, isNull, lt, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { deadlines, experts, requests } from "@/db/schema";
import { recordExport } from "@/lib/audit/record-export";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime } from "@/lib/clock";
import { toCsv } from "@/lib/csv";
import type { DeadlineKind } from "@/lib/enums";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime, formatTimestamp } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";
import { withinRegion } from "@/lib/regions/codes";
import { lateHours } from "@/lib/timeliness/deadlines";
import type { Period } from "./period";
import type { BreachesQuery } from "./schemas";

/** The most breaches one file holds: those whose deadline is latest. */
export const BREACHES_EXPORT_MAX_ROWS = 10_000;

export interface BreachRow {
  requestId: string;
  caseNumber: string;
  kind: DeadlineKind;
  owedBy: { role: "admin" | "expert"; userId?: string; expertId?: string };
  /** The owing expert's name (files and screens; not on the API). */
  expertName: string | null;
  dueAt: Date;
  breachedAt: Date;
  doneAt?: Date;
  /** Working hours from the deadline to when the step ended, or to now while it is still open. */
  lateHours: number;
}

export interface BreachFilter {
  kind?: DeadlineKind;
  region?: string;
  /** By deadline; not applied to the open breaches. */
  period?: Period;
  /** Only the breaches whose step is still not done (the admin's home page). */
  openOnly?: boolean;
}

/** The breaches an admin may see: their district's (all for an unscoped admin), by the filter. */
function breachesWhere(admin: Actor, filter: BreachFilter): SQL {
  return and(
    isNotNull(deadlines.breachedAt),
    admin.regionScope ? withinRegion(deadlines.regionCode, admin.regionScope) : undefined,
    filter.region ? withinRegion(deadlines.regionCode, filter.region) : undefined,
    filter.kind ? eq(deadlines.kind, filter.kind) : undefined,
    filter.period ? gte(deadlines.dueAt, filter.period.fromInstant) : undefined,
    filter.period ? lt(deadlines.dueAt, filter.period.toExclusiveInstant) : undefined,
    filter.openOnly ? isNull(deadlines.doneAt) : undefined,
  )!;
}

async function breachRows(admin: Actor, filter: BreachFilter, page: { limit: number; offset: number }, order: "newest" | "oldest") {
  const now = currentTime();
  const rows = await db
    .select({
      requestId: deadlines.requestId,
      caseNumber: requests.caseNumber,
      kind: deadlines.kind,
      owedByRole: deadlines.owedByRole,
      owedByUserId: deadlines.owedByUserId,
      owedByExpertId: deadlines.owedByExpertId,
      expertName: experts.name,
      dueAt: deadlines.dueAt,
      breachedAt: deadlines.breachedAt,
      doneAt: deadlines.doneAt,
    })
    .from(deadlines)
    .innerJoin(requests, eq(requests.id, deadlines.requestId))
    .leftJoin(experts, eq(experts.id, deadlines.owedByExpertId))
    .where(breachesWhere(admin, filter))
    .orderBy(order === "newest" ? desc(deadlines.dueAt) : asc(deadlines.dueAt), asc(deadlines.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map(
    (r): BreachRow => ({
      requestId: r.requestId,
      caseNumber: r.caseNumber,
      kind: r.kind,
      owedBy: {
        role: r.owedByRole === "admin" ? "admin" : "expert",
        ...(r.owedByUserId ? { userId: r.owedByUserId } : {}),
        ...(r.owedByExpertId ? { expertId: r.owedByExpertId } : {}),
      },
      expertName: r.expertName,
      dueAt: r.dueAt,
      breachedAt: r.breachedAt!,
      ...(r.doneAt ? { doneAt: r.doneAt } : {}),
      lateHours: lateHours(r.dueAt, r.doneAt ?? now),
    }),
  );
}

async function countBreaches(admin: Actor, filter: BreachFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(deadlines).where(breachesWhere(admin, filter));
  return Number(row?.n ?? 0);
}

/**
 * GET /api/v1/reports/breaches: the service-level deadlines missed in the period (by deadline,
 * latest first), a page at a time. Admins only (403), their district's (a scoped admin sees no other).
 */
export async function listBreaches(actor: Actor | null, query: BreachesQuery) {
  const found = await breachesPage(actor, query);
  return { ...found, items: found.items.map(({ expertName: _name, ...item }) => item) };
}

/** A page of the breaches with the owing expert's name (the dashboard); as listBreaches. */
export async function breachesPage(actor: Actor | null, query: BreachFilter & { page: number; pageSize: number }) {
  const admin = requirePermission(actor, "report.read");
  const [items, total] = await Promise.all([
    breachRows(admin, query, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }, "newest"),
    countBreaches(admin, query),
  ]);
  return { items, page: query.page, pageSize: query.pageSize, total };
}

/** The admin's home page: the breaches whose step is still not done, oldest deadline first. */
export async function listOpenBreaches(actor: Actor | null, limit = 20) {
  const admin = requirePermission(actor, "report.read");
  const filter: BreachFilter = { openOnly: true };
  const [items, total] = await Promise.all([breachRows(admin, filter, { limit, offset: 0 }, "oldest"), countBreaches(admin, filter)]);
  return { items, total };
}

/** The breaches as a table of text cells in the caller's language: header row, then one row per breach. */
export function breachesTable(items: BreachRow[], locale: Locale): string[][] {
  const t = translator(locale);
  const header = [
    t("reports.breaches.columns.caseNumber"),
    t("reports.breaches.columns.kind"),
    t("reports.breaches.columns.owedBy"),
    t("reports.breaches.columns.dueAt"),
    t("reports.breaches.columns.breachedAt"),
    t("reports.breaches.columns.doneAt"),
    t("reports.breaches.columns.lateHours"),
  ];
  const rows = items.map((b) => [
    b.caseNumber,
    t(`enums.deadlineKind.${b.kind}`),
    b.owedBy.role === "admin" ? t("reports.breaches.districtAdmins") : (b.expertName ?? t("common.roles.expert")),
    formatTimestamp(b.dueAt),
    formatTimestamp(b.breachedAt),
    b.doneAt ? formatTimestamp(b.doneAt) : "",
    b.lateHours.toFixed(1),
  ]);
  return [header, ...rows];
}

/**
 * GET /api/v1/reports/breaches?format=csv|xlsx: every breach the filter finds (at most
 * BREACHES_EXPORT_MAX_ROWS, the latest deadlines), with column labels in the caller's language.
 * Admins only (report.export); the export goes on the audit trail ("report.exported").
 */
export async function exportBreaches(actor: Actor | null, query: BreachesQuery, locale: Locale) {
  const admin = requirePermission(actor, "report.export");
  const [items, total] = await Promise.all([
    breachRows(admin, query, { limit: BREACHES_EXPORT_MAX_ROWS, offset: 0 }, "newest"),
    countBreaches(admin, query),
  ]);
  await recordExport(db, admin, "report", {
    report: "breaches",
    format: query.format,
    kind: query.kind,
    region: query.region,
    from: query.period.from,
    to: query.period.to,
    rows: items.length,
    total,
  });
  const table = breachesTable(items, locale);
  const base = `breaches-${query.period.from}_${query.period.to}`;
  if (query.format === "csv") {
    return {
      filename: `${base}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: new TextEncoder().encode(toCsv(table, { newline: "\r\n" })) as Uint8Array<ArrayBuffer>,
    };
  }
  const t = translator(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(t("reports.breaches.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  for (const row of table) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = [18, 24, 20, 20, 20, 20, 12][i] ?? 16));
  const about = workbook.addWorksheet(t("reports.export.infoSheet"));
  about.addRows([
    [t("reports.export.period"), `${query.period.from} — ${query.period.to}`],
    [t("reports.breaches.rows"), `${items.length} / ${total}`],
    [t("reports.export.generatedAt"), formatDateTime(new Date(), locale)],
  ]);
  about.getColumn(1).width = 16;
  about.getColumn(2).width = 40;
  return {
    filename: `${base}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer),
  };
}
