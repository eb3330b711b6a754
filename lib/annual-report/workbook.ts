import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { regions } from "@/db/schema";
import { recordExport } from "@/lib/audit/record-export";
import { requirePermission, type Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";
import { XLSX } from "@/lib/http/wire";
import { fenToJson } from "@/lib/money";
import { reportSheetTable, YUAN_NUMBER_FORMAT } from "@/lib/reports/export";
import { annualSections, getAnnualReport, type AnnualReport } from "./get-annual-report";

const money = (fen: bigint) => [fenToJson(fen) / 100, fenToJson(fen)];

/**
 * The annual report as a workbook in the reader's language: a summary sheet, one sheet per
 * section of figures (the same table as the report exports, yuan beside exact fen), the typical
 * cases and the commended experts.
 */
export async function annualReportXlsx(report: AnnualReport, scopeName: string, locale: Locale): Promise<Uint8Array<ArrayBuffer>> {
  const t = translator(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const bold = (row: ExcelJS.Row) => (row.font = { bold: true });

  const summary = workbook.addWorksheet(t("annualReport.sheets.summary"));
  summary.addRow([t("annualReport.heading", { year: report.year })]).font = { bold: true, size: 14 };
  summary.addRow([t("annualReport.summary.year"), report.year]);
  summary.addRow([t("reports.export.period"), `${report.from} — ${report.to}`]);
  summary.addRow([t("annualReport.summary.scope"), scopeName]);
  summary.addRow([t("annualReport.summary.amounts"), t("annualReport.summary.amountsValue")]);
  summary.addRow([t("reports.export.generatedAt"), formatDateTime(new Date(), locale)]);
  summary.addRow([]);
  const totals = report.totals;
  const figure = (label: string, value: number) => summary.addRow([label, value]);
  figure(t("reports.columns.requests"), totals.requests);
  figure(t("reports.columns.requestsResolved"), totals.requestsResolved);
  figure(t("reports.columns.disputesOpened"), totals.disputesOpened);
  figure(t("reports.columns.disputesResolved"), totals.disputesResolved);
  for (const [yuan, fen, value] of [
    ["reports.columns.claimedYuan", "reports.columns.claimedFen", totals.claimedFen],
    ["reports.columns.recoveredYuan", "reports.columns.recoveredFen", totals.recoveredFen],
  ] as const) {
    summary.addRow([t(yuan), fenToJson(value) / 100]).getCell(2).numFmt = YUAN_NUMBER_FORMAT;
    summary.addRow([t(fen), fenToJson(value)]).getCell(2).numFmt = "0";
  }
  figure(t("annualReport.sections.typicalCases"), report.typicalCases.length);
  figure(t("annualReport.sections.commendations"), report.commendations.length);
  summary.getColumn(1).width = 28;
  summary.getColumn(2).width = 48;

  for (const section of annualSections) {
    const { header, rows, yuanColumns } = reportSheetTable(report.sections[section], t);
    const sheet = workbook.addWorksheet(t(`annualReport.sheets.${section}`), { views: [{ state: "frozen", ySplit: 1 }] });
    bold(sheet.addRow(header));
    for (const cells of rows) {
      const row = sheet.addRow(cells);
      for (const column of yuanColumns) {
        row.getCell(column).numFmt = YUAN_NUMBER_FORMAT;
        row.getCell(column + 1).numFmt = "0";
      }
    }
    bold(sheet.lastRow!);
    sheet.columns.forEach((column, i) => (column.width = i === 0 ? 24 : yuanColumns.includes(i + 1) ? 20 : 16));
  }

  const typical = workbook.addWorksheet(t("annualReport.sheets.typicalCases"), { views: [{ state: "frozen", ySplit: 1 }] });
  bold(
    typical.addRow([
      t("annualReport.typical.title"),
      t("annualReport.typical.disputesResolved"),
      t("annualReport.typical.recoveredYuan"),
      t("annualReport.typical.recoveredFen"),
      t("annualReport.typical.publishedAt"),
    ]),
  );
  for (const c of report.typicalCases) {
    const title = locale === "en" && c.titleEn ? c.titleEn : c.titleZh;
    const row = typical.addRow([title, c.disputesResolved, ...money(c.recoveredFen), formatDate(c.publishedAt, locale)]);
    row.getCell(3).numFmt = YUAN_NUMBER_FORMAT;
    row.getCell(4).numFmt = "0";
  }
  typical.columns.forEach((column, i) => (column.width = i === 0 ? 48 : 18));

  const commended = workbook.addWorksheet(t("annualReport.sheets.commendations"), { views: [{ state: "frozen", ySplit: 1 }] });
  bold(commended.addRow([t("annualReport.commendations.name"), t("annualReport.commendations.district")]));
  for (const c of report.commendations) commended.addRow([c.name, (locale === "en" ? c.districtNameEn : c.districtNameZh) ?? c.districtCode ?? ""]);
  commended.columns.forEach((column) => (column.width = 28));

  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * The year's report as an Excel workbook for the caller's scope. Callers: admins (403 otherwise).
 * The figures are those of getAnnualReport (and so of GET /api/v1/reports for the year). The
 * export goes on the audit trail ("report.exported", `annual: year`).
 */
export async function exportAnnualReport(actor: Actor | null, year: number, locale: Locale) {
  const admin = requirePermission(actor, "report.export");
  const report = await getAnnualReport(admin, year, locale);
  await recordExport(db, admin, "report", { format: "xlsx", annual: year, from: report.from, to: report.to });
  const [region] = admin.regionScope
    ? await db.select({ zh: regions.nameZh, en: regions.nameEn }).from(regions).where(eq(regions.code, admin.regionScope))
    : [];
  const scopeName = region ? (locale === "en" ? region.en : region.zh) : translator(locale)("annualReport.summary.allRegions");
  const body = await annualReportXlsx(report, scopeName, locale);
  return { filename: `annual-report-${year}.xlsx`, contentType: XLSX, body };
}
