import ExcelJS from "exceljs";
import { toCsv } from "@/lib/csv";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { regions } from "@/db/schema";
import { recordExport } from "@/lib/audit/record-export";
import { requirePermission, type Actor } from "@/lib/authz";
import { formatDateTime } from "@/lib/i18n/format";
import { translator, type Translate } from "@/lib/i18n/translate";
import { fenToJson, fenToYuanString } from "@/lib/money";
import { hasDutyFigures } from "./duty-figures";
import { getReport, type Report, type ReportRow } from "./get-report";
import type { Period } from "./period";
import type { ExportFormat, ReportDimension } from "./schemas";

// Exports are for the law society's files and the county's annual report: Chinese headers and
// labels whatever the reader's language. The CSV says amounts as yuan text with two decimals; the
// workbook as yuan numbers a spreadsheet can add up, each beside its exact fen. (The annual
// report's workbook is in the reader's language: its tables pass their own translator.)
const zh = translator("zh-CN");
const t = zh;

/** The duty columns a report by station or by expert adds at the end (hours as numbers, in half hours). */
const dutyColumns = [
  { header: "dutyFigures.columns.sessionsHeld", cell: (r: ReportRow) => r.sessionsHeld ?? 0 },
  { header: "dutyFigures.columns.consultationsGiven", cell: (r: ReportRow) => r.consultationsGiven ?? 0 },
  { header: "dutyFigures.columns.bookingsNoShow", cell: (r: ReportRow) => r.bookingsNoShow ?? 0 },
  { header: "dutyFigures.columns.requestsFromConsultations", cell: (r: ReportRow) => r.requestsFromConsultations ?? 0 },
  { header: "dutyFigures.columns.serviceHours", cell: (r: ReportRow) => r.serviceHours ?? 0 },
  { header: "dutyFigures.columns.dutyHours", cell: (r: ReportRow) => r.dutyHours ?? 0 },
  { header: "dutyFigures.columns.caseHours", cell: (r: ReportRow) => r.caseHours ?? 0 },
] as const;

/** The report as a table of cells: header row, one row per group, and the totals row (Chinese unless `t` says otherwise). */
export function reportTable(report: Report, t: Translate = zh): { header: string[]; rows: (string | number)[][] } {
  const duty = hasDutyFigures(report.groupBy) ? dutyColumns : [];
  const header = [
    t(`reports.dimensionName.${report.groupBy}`),
    t("reports.columns.requests"),
    t("reports.columns.requestsResolved"),
    t("reports.columns.disputesOpened"),
    t("reports.columns.disputesResolved"),
    t("reports.columns.claimedYuan"),
    t("reports.columns.recoveredYuan"),
    t("reports.columns.accepted"),
    t("reports.columns.medianHours"),
    t("reports.columns.p90Hours"),
    ...duty.map((c) => t(c.header)),
  ];
  const cells = (row: ReportRow, label: string) => [
    label,
    row.requests,
    row.requestsResolved,
    row.disputesOpened,
    row.disputesResolved,
    fenToYuanString(row.claimedFen),
    fenToYuanString(row.recoveredFen),
    row.acceptedRequests,
    row.medianHoursToAccept ?? "",
    row.p90HoursToAccept ?? "",
    ...duty.map((c) => c.cell(row)),
  ];
  return { header, rows: [...report.rows.map((r) => cells(r, r.label)), cells(report.totals, t("reports.columns.total"))] };
}

/** The report as CSV (see toCsv: a byte-order mark, and no cell can run as a formula). */
export function reportCsv(report: Report): string {
  const { header, rows } = reportTable(report);
  return toCsv([header, ...rows.map((r) => r.map(String))], { newline: "\r\n" });
}

/** The number format of every yuan amount in the workbooks: grouped, two decimals. */
export const YUAN_NUMBER_FORMAT = "#,##0.00";

/**
 * The report as the workbook's table: as reportTable, but each amount is two cells, a number of
 * yuan (so a spreadsheet adds it up; formatted with YUAN_NUMBER_FORMAT) and the exact integer fen
 * beside it (a yuan number above some ¥10^13 can no longer show every fen). `yuanColumns` are the
 * 1-based columns of the yuan numbers; the fen column follows each.
 */
export function reportSheetTable(report: Report, t: Translate = zh): { header: string[]; rows: (string | number)[][]; yuanColumns: number[] } {
  const { header, rows } = reportTable(report, t);
  const sources = [...report.rows, report.totals];
  // reportTable's claimed and recovered yuan text, by 0-based index
  const amounts = [
    { index: 5, fenHeader: t("reports.columns.claimedFen"), fen: (r: ReportRow) => r.claimedFen },
    { index: 6, fenHeader: t("reports.columns.recoveredFen"), fen: (r: ReportRow) => r.recoveredFen },
  ];
  const amountAt = (i: number) => amounts.find((a) => a.index === i);
  const money = (fen: bigint) => [fenToJson(fen) / 100, fenToJson(fen)];
  return {
    header: header.flatMap((h, i) => (amountAt(i) ? [h, amountAt(i)!.fenHeader] : [h])),
    rows: rows.map((cells, r) => cells.flatMap((c, i) => (amountAt(i) ? money(amountAt(i)!.fen(sources[r]!)) : [c]))),
    yuanColumns: amounts.map((a, n) => a.index + n + 1),
  };
}

export async function reportXlsx(report: Report, scopeName: string): Promise<Uint8Array<ArrayBuffer>> {
  const { header, rows, yuanColumns } = reportSheetTable(report);
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(t("reports.export.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const cells of rows) {
    const row = sheet.addRow(cells);
    for (const column of yuanColumns) {
      row.getCell(column).numFmt = YUAN_NUMBER_FORMAT;
      row.getCell(column + 1).numFmt = "0";
    }
  }
  sheet.lastRow!.font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 24 : yuanColumns.includes(i + 1) ? 20 : 16));
  const info = workbook.addWorksheet(t("reports.export.infoSheet"));
  info.addRows([
    [t("reports.export.reportTitle", { groupBy: t(`reports.dimensionName.${report.groupBy}`) })],
    [t("reports.export.period"), `${report.from} — ${report.to}`],
    [t("reports.export.scope"), scopeName],
    [t("reports.export.amounts"), t("reports.export.amountsValue")],
    [t("reports.export.generatedAt"), formatDateTime(new Date(), "zh-CN")],
  ]);
  info.getColumn(1).width = 16;
  info.getColumn(2).width = 48;
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * The report of a period and grouping as a CSV or Excel file. Callers: admins (403 otherwise),
 * within their region scope. The figures are those of GET /api/v1/reports, to the fen. The export
 * goes on the audit trail ("report.exported").
 */
export async function exportReport(actor: Actor | null, query: { groupBy: ReportDimension; period: Period; format: ExportFormat }) {
  const admin = requirePermission(actor, "report.export");
  const report = await getReport(admin, query, "zh-CN");
  await recordExport(db, admin, "report", { format: query.format, groupBy: query.groupBy, from: report.from, to: report.to });
  const base = `report-${query.groupBy}-${report.from}_${report.to}`;
  if (query.format === "csv") {
    return {
      filename: `${base}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: new TextEncoder().encode(reportCsv(report)) as Uint8Array<ArrayBuffer>,
    };
  }
  const [region] = admin.regionScope ? await db.select({ name: regions.nameZh }).from(regions).where(eq(regions.code, admin.regionScope)) : [];
  const body = await reportXlsx(report, region?.name ?? t("reports.export.allRegions"));
  return { filename: `${base}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body };
}
