import { and, eq, gte, inArray } from "drizzle-orm";
import { companyVisits } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { clockSql, todayInShanghai } from "@/lib/clock";
import { conflict } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { ifActive } from "./audience";
import { visitFor } from "./scope";

type Answer = { decision: "confirmed" } | { decision: "declined"; reason: string };

/**
 * A member of the visited company answers a visit (others: 404). Confirming takes a proposed visit
 * whose day has not passed; declining (with the reason) a proposed or confirmed one before its day
 * is over. Anything else is 409: one conditional UPDATE decides, so of two answers at once one wins.
 * The expert is told, and the admin who planned it.
 */
export async function answerVisit(actor: Actor | null, visitId: string, answer: Answer): Promise<{ id: string; status: Answer["decision"] }> {
  const member = requirePermission(actor, "visit.answer");
  return inTransaction(async (tx) => {
    const visit = await visitFor(tx, member, visitId, { lock: true });
    const from = answer.decision === "confirmed" ? (["proposed"] as const) : (["proposed", "confirmed"] as const);
    const reason = answer.decision === "declined" ? answer.reason : null;
    const [answered] = await tx
      .update(companyVisits)
      .set({ status: answer.decision, reason, answeredAt: clockSql(), updatedAt: clockSql() })
      .where(and(eq(companyVisits.id, visit.id), inArray(companyVisits.status, [...from]), gte(companyVisits.visitOn, todayInShanghai())))
      .returning({ id: companyVisits.id });
    if (!answered) throw conflict(visit.visitOn < todayInShanghai() ? "visits.errors.dayPassed" : "visits.errors.alreadyAnswered");
    await recordEvent(tx, member, {
      type: answer.decision === "confirmed" ? "visit.confirmed" : "visit.declined",
      entityType: "company_visit",
      entityId: visit.id,
      regionCode: visit.district,
      reason,
    });
    await notify(tx, {
      userIds: [...(await ifActive(tx, visit.expertUserId)), ...(visit.plannedBy !== visit.expertUserId ? await ifActive(tx, visit.plannedBy) : [])],
      kind: answer.decision === "confirmed" ? "visit.confirmed" : "visit.declined",
      data: { visitId: visit.id, company: visit.enterpriseName, name: visit.expertName, date: visit.visitOn, ...(reason ? { reason } : {}) },
    });
    return { id: visit.id, status: answer.decision };
  });
}
