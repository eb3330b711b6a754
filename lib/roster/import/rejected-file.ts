import ExcelJS from "exceljs";
import { toCsv } from "@/lib/csv";
import type { Translate } from "@/lib/i18n/translate";
import { describeProblem } from "./preview";
import type { ImportTable } from "./read-file";
import type { ValidatedRow } from "./validate";

/**
 * The rejected rows of an import, as a file in the upload's format: the original columns as
 * they were, then the line number and what is wrong, so the society can fix and re-upload it.
 */
export async function buildRejectedFile(
  table: ImportTable,
  rows: ValidatedRow[],
  t: Translate,
): Promise<{ bytes: Uint8Array; contentType: string; extension: string }> {
  const header = [...table.headers, t("roster.import.rejectedFile.line"), t("roster.import.rejectedFile.problems")];
  const body = rows
    .filter((r) => r.problems.length)
    .map((r) => [...table.headers.map((_, i) => r.cells[i] ?? ""), String(r.line), r.problems.map((p) => describeProblem(p, t)).join("；")]);
  if (table.format === "csv") {
    const text = toCsv([header, ...body]);
    return { bytes: new TextEncoder().encode(text), contentType: "text/csv; charset=utf-8", extension: "csv" };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("roster.import.rejectedFile.sheet"));
  sheet.addRow(header).font = { bold: true };
  for (const row of body) sheet.addRow(row);
  sheet.columns.forEach((column) => (column.width = 18));
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    bytes: new Uint8Array(buffer as ArrayBuffer),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
  };
}
