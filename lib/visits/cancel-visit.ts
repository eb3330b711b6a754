import { and, eq, inArray } from "drizzle-orm";
import { companyVisits } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { clockSql } from "@/lib/clock";
import { conflict } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { companyMembers, ifActive } from "./audience";
import { visitFor } from "./scope";

/**
 * The visiting expert, or an admin of the company's district, cancels a proposed or confirmed
 * visit with a reason (another's visit: 404; done, declined or cancelled: 409). The company's
 * members are told, and the expert when an admin cancelled it.
 */
export async function cancelVisit(actor: Actor | null, visitId: string, reason: string): Promise<{ id: string; status: "cancelled" }> {
  const planner = requirePermission(actor, "visit.plan");
  return inTransaction(async (tx) => {
    const visit = await visitFor(tx, planner, visitId, { lock: true });
    const [cancelled] = await tx
      .update(companyVisits)
      .set({ status: "cancelled", reason, updatedAt: clockSql() })
      .where(and(eq(companyVisits.id, visit.id), inArray(companyVisits.status, ["proposed", "confirmed"])))
      .returning({ id: companyVisits.id });
    if (!cancelled) throw conflict("visits.errors.notOpen");
    await recordEvent(tx, planner, { type: "visit.cancelled", entityType: "company_visit", entityId: visit.id, regionCode: visit.district, reason });
    const told = [...(await companyMembers(tx, visit.enterpriseId)), ...(await ifActive(tx, visit.expertUserId))].filter(
      (id) => id !== planner.userId,
    );
    await notify(tx, {
      userIds: told,
      kind: "visit.cancelled",
      data: { visitId: visit.id, company: visit.enterpriseName, name: visit.expertName, date: visit.visitOn, reason },
    });
    return { id: visit.id, status: "cancelled" as const };
  });
}
