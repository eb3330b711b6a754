import Papa from "papaparse";

/**
 * A cell a spreadsheet program would run as a formula: one starting with =, +, -, @, tab or CR.
 * A plain number ("-1234.56", a reversal) is left as it is, so the sheet still adds it up.
 */
const FORMULA_START = /^(?![-+]?\d+(?:\.\d+)?$)[=+\-@\t\r]/;

/**
 * Every CSV the application writes: UTF-8 with a byte-order mark (so spreadsheet programs read the
 * Chinese as UTF-8), and each cell that could be a formula prefixed with an apostrophe, so a name
 * like `=HYPERLINK(...)` typed by someone is shown as text and never runs.
 */
export function toCsv(rows: string[][], options: { newline?: string } = {}): string {
  return "\uFEFF" + Papa.unparse(rows, { escapeFormulae: FORMULA_START, ...(options.newline ? { newline: options.newline } : {}) });
}
