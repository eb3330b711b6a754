import ExcelJS from "exceljs";
import { db } from "@/db";
import { recordExport } from "@/lib/audit/record-export";
import { requirePermission, type Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";
import { fenToYuanString } from "@/lib/money";
import { currentYear, listAppraisals, type AppraisalItem } from "./queries";
import { scorecardFigures } from "./scorecard";

/** The year's appraisals as a table of cells in the caller's language: header row, then one row per expert. */
export function appraisalsTable(items: AppraisalItem[], locale: Locale): (string | number)[][] {
  const t = translator(locale);
  const header = [
    t("appraisals.admin.name"),
    t("appraisals.admin.district"),
    ...scorecardFigures.map((f) => t(`appraisals.figures.${f}`)),
    t("appraisals.admin.grade"),
    t("appraisals.admin.comment"),
  ];
  const rows = items.map((item) => [
    item.name,
    item.districtName,
    ...scorecardFigures.map((f) => (f === "recoveredFen" ? fenToYuanString(item.recoveredFen) : (item[f] ?? ""))),
    item.grade ? t(`appraisals.grades.${item.grade}`) : t("appraisals.admin.notGraded"),
    item.comment ?? "",
  ]);
  return [header, ...rows];
}

/**
 * GET /api/v1/appraisals?format=xlsx and the page's export: the year's appraisals the admin may
 * read (as listAppraisals), as an Excel workbook. Admins only (report.export); the export goes on
 * the audit trail ("report.exported").
 */
export async function exportAppraisals(actor: Actor | null, query: { year?: number; district?: string }, locale: Locale) {
  const admin = requirePermission(actor, "report.export");
  const year = query.year ?? currentYear();
  const items = await listAppraisals(admin, { ...query, year });
  await recordExport(db, admin, "report", { report: "appraisals", format: "xlsx", year, district: query.district, rows: items.length });
  const t = translator(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(t("appraisals.admin.sheet"), { views: [{ state: "frozen", ySplit: 1, xSplit: 1 }] });
  for (const row of appraisalsTable(items, locale)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 14 : i === 1 ? 12 : 14));
  const about = workbook.addWorksheet(t("reports.export.infoSheet"));
  about.addRows([
    [t("appraisals.admin.year"), String(year)],
    [t("appraisals.admin.rows"), String(items.length)],
    [t("appraisals.admin.generatedAt"), formatDateTime(new Date(), locale)],
  ]);
  about.getColumn(1).width = 16;
  about.getColumn(2).width = 40;
  return {
    filename: `appraisals-${year}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer),
  };
}

/** The graded-on date of an item, for screens. */
export const gradedOn = (item: Pick<AppraisalItem, "gradedAt">, locale: Locale) => (item.gradedAt ? formatDate(item.gradedAt, locale) : "");
