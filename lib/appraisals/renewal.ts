import { db, type DbOrTx } from "@/db";
import { requirePermission, type Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { invalidField } from "@/lib/errors";
import { appraisalsOfTerm } from "./queries";

/** The appraisals of the expert's current term: the years from the term's start to this year. */
export function termAppraisals(handle: DbOrTx, expertId: string, termStart: string | null) {
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const firstYear = termStart ? Number(termStart.slice(0, 4)) : thisYear;
  return appraisalsOfTerm(expertId, firstYear, thisYear, handle);
}

/**
 * The renewal rule of the annual appraisal: an expert graded 不称职 (incompetent) in any year of
 * the term is renewed only with a stated reason (`appraisalReason`), else 422 on that field.
 * Returns the incompetent years (for the audit trail).
 */
export async function checkRenewalAppraisals(handle: DbOrTx, expertId: string, termStart: string | null, appraisalReason: string | undefined) {
  const incompetent = (await termAppraisals(handle, expertId, termStart)).filter((a) => a.grade === "incompetent").map((a) => a.year);
  if (incompetent.length > 0 && !appraisalReason) throw invalidField("appraisalReason", "appraisals.errors.renewalReasonRequired");
  return incompetent;
}

/** The renewal decision's view of the term's appraisals (admins only, 403): year, grade, comment. */
export async function renewalAppraisals(actor: Actor | null, expertId: string, termStart: string | null) {
  requirePermission(actor, "appraisal.read");
  return termAppraisals(db, expertId, termStart);
}
