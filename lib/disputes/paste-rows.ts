import { disputeKinds, type DisputeKind } from "@/lib/enums";

// Rows copied from a spreadsheet (Excel and WPS put tabs between cells) or typed as CSV, turned into
// the rows of the "add several disputes" table. Nothing is judged here beyond splitting: the table's
// schema checks every row, so pasted and typed rows get the same messages.

/** One row of the table, as text, the way its inputs hold it. */
export interface DisputeRowText {
  counterpartyName: string;
  counterpartyCreditCode: string;
  /** A dispute kind code, or the text pasted when no kind matched (the table then asks to choose). */
  kind: string;
  claimedYuan: string;
}

export const emptyDisputeRow = (): DisputeRowText => ({ counterpartyName: "", counterpartyCreditCode: "", kind: "receivable", claimedYuan: "" });

export const isBlankDisputeRow = (row: DisputeRowText) =>
  !row.counterpartyName.trim() && !row.counterpartyCreditCode.trim() && !row.claimedYuan.trim();

/** Cells of one CSV line: commas (ASCII or full-width) between cells, double quotes around a cell holding one. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (c === "," || c === "，") {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

// 18 characters of digits and capitals: a credit code, whichever column it is in.
const CREDIT_CODE_LIKE = /^[0-9A-Z]{18}$/i;

/**
 * Splits pasted text into table rows: counterparty, amount in yuan, then optionally the kind and
 * the credit code in either order. `kindOf` names the kind a cell means (its label or its code),
 * or null. A first line whose amount cell holds no digit is a header and is skipped.
 */
export function parsePastedDisputes(text: string, kindOf: (cell: string) => DisputeKind | null): DisputeRowText[] {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((line) => line.trim() !== "");
  const rows = lines.map((line) => (line.includes("\t") ? line.split("\t") : csvCells(line)).map((cell) => cell.trim()));
  if (rows.length && !/\d/.test(rows[0]![1] ?? "")) rows.shift();
  return rows.map(([name = "", amount = "", ...rest]) => {
    const row: DisputeRowText = { ...emptyDisputeRow(), counterpartyName: name, claimedYuan: amount };
    for (const cell of rest.filter(Boolean)) {
      if (CREDIT_CODE_LIKE.test(cell) && !row.counterpartyCreditCode) row.counterpartyCreditCode = cell.toUpperCase();
      else row.kind = kindOf(cell) ?? cell;
    }
    return row;
  });
}

/**
 * The kind a pasted cell means: a code, or its label in any of the given label sets (every
 * language's: a spreadsheet keeps the language it was written in, whatever the page's language).
 */
export function kindMatcher(labelSets: readonly Record<DisputeKind, string>[]): (cell: string) => DisputeKind | null {
  const byText = new Map<string, DisputeKind>();
  for (const kind of disputeKinds) {
    byText.set(kind, kind);
    for (const labels of labelSets) byText.set(labels[kind].toLowerCase(), kind);
  }
  return (cell) => byText.get(cell.trim().toLowerCase()) ?? null;
}
