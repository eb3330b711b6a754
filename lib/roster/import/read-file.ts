import ExcelJS from "exceljs";
import Papa from "papaparse";
import { AppError } from "@/lib/errors";
import { unpackZip } from "./unpack-zip";

/** Upload limits: the society's roster is hundreds of rows, far below these. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 2000;
/** What a sheet may unpack to and hold: far above 2,000 rows of a roster, far below what hurts the server. */
export const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;
export const MAX_IMPORT_CELLS = 120_000;
/** Columns read of each row: the template has about 20. */
const MAX_COLUMNS = 60;

export interface ImportTable {
  format: "xlsx" | "csv";
  headers: string[];
  /** Data rows with their 1-based line number in the file (the header is line 1). */
  rows: { line: number; cells: string[] }[];
}

const unreadable = () => new AppError("invalid_input", "roster.import.errors.unreadable", { fields: { file: "roster.import.errors.unreadable" } });

const tooMuchContent = () =>
  new AppError("payload_too_large", "roster.import.errors.tooMuchContent", { fields: { file: "roster.import.errors.tooMuchContent" } });

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

/** Cells (`<c ...>`) in a worksheet's XML, counted without parsing it. */
function countCells(xml: Buffer): number {
  let count = 0;
  for (const tag of ["<c ", "<c>"]) for (let at = xml.indexOf(tag); at >= 0; at = xml.indexOf(tag, at + 2)) count++;
  return count;
}

/**
 * A small .xlsx can unpack to gigabytes (a 693 KB sheet of 6 million cells took 1.6 GB in
 * exceljs): the unpacked size and the cell count are checked before the workbook is loaded.
 */
function checkXlsxLimits(bytes: Uint8Array): void {
  const unpacked = unpackZip(bytes, MAX_UNPACKED_BYTES);
  if ("problem" in unpacked) throw unpacked.problem === "too_large" ? tooMuchContent() : unreadable();
  for (const [name, xml] of unpacked.entries) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name) && countCells(xml) > MAX_IMPORT_CELLS) throw tooMuchContent();
  }
}

/** Parses CSV text row by row, stopping as soon as it holds more rows or cells than allowed. */
function readCsv(text: string): string[][] {
  const grid: string[][] = [];
  let cells = 0;
  let filledRows = 0;
  let problem: AppError | null = null;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result, parser) => {
      const data = Array.isArray(result.data) ? result.data : [];
      const row = data.slice(0, MAX_COLUMNS).map((c) => String(c ?? "").trim());
      cells += data.length;
      if (row.some((c) => c !== "")) filledRows++;
      // The header and MAX_IMPORT_ROWS data rows.
      if (cells > MAX_IMPORT_CELLS) problem = tooMuchContent();
      else if (filledRows > MAX_IMPORT_ROWS + 1) problem = tooManyRows();
      if (problem) return parser.abort();
      grid.push(row);
    },
  });
  if (problem) throw problem;
  return grid;
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  checkXlsxLimits(bytes);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw tooManyRows();
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    const count = Math.min(row.cellCount, MAX_COLUMNS);
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
      grid = readCsv(decodeText(bytes));
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
