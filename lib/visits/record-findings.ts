import { and, eq, lte, sql } from "drizzle-orm";
import { companyVisitFindings, companyVisits } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { clockSql, todayInShanghai } from "@/lib/clock";
import { conflict } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { adminsOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { companyMembers } from "./audience";
import type { RecordFindingsInput } from "./schemas";
import { visitFor } from "./scope";

/**
 * The visiting expert records what the visit found (another's visit: 404): the summary and each
 * finding with its recommendation. Only a confirmed visit whose day has come (China time), else
 * 409; one conditional UPDATE marks it done, so findings are recorded once. The company's members
 * are told; when a finding needs work, the admins of the company's district too, who may turn it
 * into a request (lib/visits/finding-request.ts).
 */
export async function recordFindings(
  actor: Actor | null,
  visitId: string,
  input: RecordFindingsInput,
): Promise<{ id: string; status: "done"; findings: { id: string; needsWork: boolean }[] }> {
  const expert = requirePermission(actor, "visit.record");
  return inTransaction(async (tx) => {
    const visit = await visitFor(tx, expert, visitId, { lock: true });
    const today = todayInShanghai();
    const [done] = await tx
      .update(companyVisits)
      .set({ status: "done", summary: input.summary, doneAt: clockSql(), updatedAt: clockSql() })
      .where(and(eq(companyVisits.id, visit.id), eq(companyVisits.status, "confirmed"), lte(companyVisits.visitOn, today)))
      .returning({ id: companyVisits.id });
    if (!done) {
      if (visit.status === "confirmed") throw conflict("visits.errors.notYet");
      throw conflict(visit.status === "done" ? "visits.errors.alreadyDone" : "visits.errors.notConfirmed");
    }
    const findings = input.findings.length
      ? await tx
          .insert(companyVisitFindings)
          .values(
            input.findings.map((f, i) => ({
              visitId: visit.id,
              finding: f.finding,
              recommendation: f.recommendation,
              needsWork: f.needsWork,
              // One statement stamps every row alike: a millisecond apart keeps the expert's order.
              createdAt: sql`${clockSql()} + ${i} * interval '1 millisecond'`,
            })),
          )
          .returning({ id: companyVisitFindings.id, needsWork: companyVisitFindings.needsWork })
      : [];
    const needsWork = findings.filter((f) => f.needsWork).length;
    await recordEvent(tx, expert, {
      type: "visit.done",
      entityType: "company_visit",
      entityId: visit.id,
      regionCode: visit.district,
      data: { findings: findings.length, needsWork },
    });
    const data = { visitId: visit.id, company: visit.enterpriseName, name: visit.expertName, date: visit.visitOn, count: needsWork };
    await notify(tx, { userIds: await companyMembers(tx, visit.enterpriseId), kind: "visit.done", data });
    if (needsWork > 0) {
      // A company of no known district is the unscoped admins' (adminsOf with a code no district covers).
      await notify(tx, { userIds: await adminsOf(tx, visit.district ?? "000000"), kind: "visit.needs_work", data });
    }
    return { id: visit.id, status: "done" as const, findings };
  });
}
