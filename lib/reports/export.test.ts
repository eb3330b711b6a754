import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { reportXlsx } from "./export";
import type { Report, ReportRow } from "./get-report";

const row = (key: string, claimedFen: bigint, recoveredFen: bigint): ReportRow => ({
  key,
  label: key ? `嘉善县${key}` : "",
  requests: 1,
  requestsResolved: 1,
  disputesOpened: 1,
  disputesResolved: 1,
  claimedFen,
  recoveredFen,
  acceptedRequests: 1,
  medianHoursToAccept: null,
  p90HoursToAccept: null,
});

async function sheetOf(report: Report) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await reportXlsx(report, "全域")).buffer as ArrayBuffer);
  return workbook.getWorksheet("报表")!;
}

describe("the report workbook carries money as numbers a spreadsheet adds up, beside the exact fen", () => {
  const amounts = [0n, 1n, 12_345_67n, 100_000_000_000_00n, 2n ** 53n - 1n];
  const report: Report = {
    groupBy: "region",
    from: "2026-01-01",
    to: "2026-12-31",
    source: "rollups",
    rows: amounts.map((fen, i) => row(String(i), fen, amounts[amounts.length - 1 - i]!)),
    totals: row("", 4_314_568n, 4_314_568n),
    page: 1,
    pageSize: amounts.length,
    total: amounts.length,
  };

  it("each amount is a numeric yuan cell formatted #,##0.00, value fen/100, followed by an integer fen column", async () => {
    const sheet = await sheetOf(report);
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(6, 10)).toEqual(["主张金额（元）", "主张金额（分）", "追回金额（元）", "追回金额（分）"]);
    const expected = [...report.rows, report.totals];
    expect(sheet.rowCount).toBe(expected.length + 1);
    expected.forEach((r, i) => {
      const cells = sheet.getRow(i + 2);
      for (const [yuanColumn, fen] of [
        [6, r.claimedFen],
        [8, r.recoveredFen],
      ] as const) {
        const yuan = cells.getCell(yuanColumn);
        expect(yuan.type).toBe(ExcelJS.ValueType.Number);
        expect(yuan.numFmt).toBe("#,##0.00");
        expect(yuan.value).toBe(Number(fen) / 100);
        const exact = cells.getCell(yuanColumn + 1);
        expect(exact.type).toBe(ExcelJS.ValueType.Number);
        expect(Number.isInteger(exact.value)).toBe(true);
        expect(BigInt(exact.value as number)).toBe(fen);
      }
    });
    const totals = sheet.getRow(sheet.rowCount);
    expect([totals.getCell(1).value, totals.getCell(8).value, totals.getCell(9).value]).toEqual(["合计", 43145.68, 4314568]);
  });
});
