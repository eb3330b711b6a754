import { coversRegion, requirePermission, type Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import type { Translate } from "@/lib/i18n/translate";
import { readImportFile } from "./read-file";
import { loadImportReference } from "./reference";
import type { ImportColumnKey } from "./columns";
import { validateImportRows, type RowProblem, type ValidatedRow } from "./validate";

/** A row problem in words; a `column` parameter is a column key, named in the reader's language. */
export function describeProblem(problem: RowProblem, t: Translate): string {
  const params = problem.params?.column
    ? { ...problem.params, column: t(`roster.fields.${problem.params.column as ImportColumnKey}`) }
    : problem.params;
  return t(problem.key, params);
}

/** A row as the preview screen and the API show it, with its problems in the caller's language. */
export function presentRow(row: ValidatedRow, t: Translate) {
  return {
    line: row.line,
    name: row.values.name ?? "",
    licenseNumber: row.values.licenseNumber ?? "",
    organization: row.values.organization ?? "",
    ok: row.problems.length === 0,
    present: row.present,
    problems: row.problems.map((p) => describeProblem(p, t)),
  };
}

/**
 * Reads and checks an uploaded roster file (admins); throws 403, 413 or 422 for the file itself.
 * An admin of one district imports its own experts: a row whose home region lies elsewhere is
 * rejected with that reason (the rest of the file still goes in).
 */
export async function checkImportFile(actor: Actor | null, fileName: string, bytes: Uint8Array) {
  const admin = requirePermission(actor, "expert.import");
  const table = await readImportFile(fileName, bytes);
  const reference = await loadImportReference(table);
  return { table, rows: validateImportRows(table, reference, todayInShanghai(), (code) => coversRegion(admin, code)) };
}

/** The preview of an import: every row with its problems (or that it is on the roster already), nothing written. */
export async function previewImport(actor: Actor | null, fileName: string, bytes: Uint8Array, t: Translate) {
  const { rows } = await checkImportFile(actor, fileName, bytes);
  const valid = rows.filter((r) => r.input).length;
  const present = rows.filter((r) => r.present).length;
  return { total: rows.length, valid, present, invalid: rows.length - valid - present, rows: rows.map((r) => presentRow(r, t)) };
}
