import ExcelJS from "exceljs";
import Papa from "papaparse";
import { AppError } from "@/lib/errors";

/** Upload limits: the society's roster is hundreds of rows, far below these. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 2000;

export interface ImportTable {
  format: "xlsx" | "csv";
  headers: string[];
  /** Data rows with their 1-based line number in the file (the header is line 1). */
  rows: { line: number; cells: string[] }[];
}

const unreadable = () => new AppError("invalid_input", "roster.import.errors.unreadable", { fields: { file: "roster.import.errors.unreadable" } });

const tooManyRows = () => new AppError("invalid_input", "roster.import.errors.tooManyRows", { fields: { file: "roster.import.errors.tooManyRows" } });

/** A CSV saved by Excel in China is often GB18030, not UTF-8: try UTF-8 strictly first. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

function cellText(value: ExcelJS.CellValue, text: string): string {
  // Excel stores dates as dates; exceljs gives them as UTC midnight.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return (text ?? "").trim();
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw tooManyRows();
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    const count = Math.min(row.cellCount, 60);
    for (let c = 1; c <= count; c++) {
      const cell = row.getCell(c);
      cells.push(cellText(cell.value, cell.text));
    }
    rows[rowNumber - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/**
 * Reads an uploaded .xlsx or .csv into a header row and data rows. Anything else, a corrupt file,
 * an empty one or one over the limits is refused with a message (never a crash).
 */
export async function readImportFile(fileName: string, bytes: Uint8Array): Promise<ImportTable> {
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    throw new AppError("payload_too_large", "roster.import.errors.tooLarge", { fields: { file: "roster.import.errors.tooLarge" } });
  const lower = fileName.toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  let format: ImportTable["format"];
  let grid: string[][];
  try {
    if (lower.endsWith(".xlsx")) {
      if (!isZip) throw unreadable();
      format = "xlsx";
      grid = await readXlsx(bytes);
    } else if (lower.endsWith(".csv")) {
      format = "csv";
      const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false });
      grid = parsed.data.map((row) => (Array.isArray(row) ? row.map((c) => String(c ?? "").trim()) : []));
    } else {
      throw new AppError("invalid_input", "roster.import.errors.type", { fields: { file: "roster.import.errors.type" } });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable();
  }
  const nonEmpty = (cells: string[]) => cells.some((c) => c !== "");
  const headerIndex = grid.findIndex((cells) => cells && nonEmpty(cells));
  if (headerIndex < 0) throw new AppError("invalid_input", "roster.import.errors.empty", { fields: { file: "roster.import.errors.empty" } });
  const rows = grid
    .slice(headerIndex + 1)
    .map((cells, i) => ({ line: headerIndex + i + 2, cells: cells ?? [] }))
    .filter((r) => nonEmpty(r.cells));
  if (!rows.length) throw new AppError("invalid_input", "roster.import.errors.empty", { fields: { file: "roster.import.errors.empty" } });
  if (rows.length > MAX_IMPORT_ROWS) throw tooManyRows();
  return { format, headers: grid[headerIndex]!, rows };
}
