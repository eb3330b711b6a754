import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { typicalCases } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime } from "@/lib/clock";
import { conflict } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { inTransaction } from "@/lib/transaction";
import { loadTypicalCaseForAdmin } from "./load";

/**
 * An admin covering its request withdraws a published typical case (or discards a draft): it leaves
 * the public pages, and the request may be drafted from again. 404 outside the admin's district,
 * 409 when it is already withdrawn.
 */
export async function withdrawTypicalCase(actor: Actor | null, id: string): Promise<{ id: string }> {
  const admin = requirePermission(actor, "typicalCase.manage");
  const current = await loadTypicalCaseForAdmin(db, admin, id);
  if (current.status === "withdrawn") throw conflict("typicalCases.errors.withdrawn");
  return inTransaction(async (tx) => {
    const [row] = await tx
      .update(typicalCases)
      .set({ status: "withdrawn", updatedAt: currentTime() })
      .where(and(eq(typicalCases.id, current.id), eq(typicalCases.status, current.status)))
      .returning({ id: typicalCases.id });
    if (!row) throw conflict("typicalCases.errors.withdrawn");
    await recordEvent(tx, admin, {
      type: "request.typical_case_withdrawn",
      entityType: "request",
      entityId: current.requestId,
      requestId: current.requestId,
      data: { typicalCaseId: current.id, was: current.status },
    });
    return { id: row.id };
  });
}
