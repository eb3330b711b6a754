import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { typicalCases } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime } from "@/lib/clock";
import { AppError, conflict } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { fenToJson } from "@/lib/money";
import { inTransaction } from "@/lib/transaction";
import { namesRemaining } from "./anonymise";
import { caseFigures, loadCaseFacts } from "./facts";
import { loadTypicalCaseForAdmin } from "./load";

/**
 * An admin covering its request publishes a draft: the figures are read from the ledger again, and
 * the texts (both languages) are checked once more. 422 while a known name, phone or ID number
 * still appears (the fields say where and `params.names` what), 404 outside the admin's district,
 * 409 unless it is a draft (of two simultaneous publishes exactly one wins).
 */
export async function publishTypicalCase(actor: Actor | null, id: string): Promise<{ id: string; status: "published"; publishedAt: Date }> {
  const admin = requirePermission(actor, "typicalCase.manage");
  const current = await loadTypicalCaseForAdmin(db, admin, id);
  if (current.status !== "draft") throw conflict("typicalCases.errors.notDraft");
  const [facts, figures] = await Promise.all([loadCaseFacts(db, current.requestId), caseFigures(admin, current.requestId)]);
  const remaining = namesRemaining(current, facts, current.companyConsent);
  const fields = Object.keys(remaining);
  if (fields.length) {
    const names = [...new Set(Object.values(remaining).flat())].join(", ");
    throw new AppError("invalid_input", "typicalCases.errors.namesRemain", {
      params: { names },
      fields: Object.fromEntries(fields.map((f) => [f, "typicalCases.errors.namesRemainField"])),
    });
  }
  const now = currentTime();
  return inTransaction(async (tx) => {
    const [row] = await tx
      .update(typicalCases)
      .set({ status: "published", ...figures, publishedAt: now, publishedBy: admin.userId, updatedAt: now })
      .where(and(eq(typicalCases.id, current.id), eq(typicalCases.status, "draft")))
      .returning({ id: typicalCases.id });
    if (!row) throw conflict("typicalCases.errors.notDraft");
    await recordEvent(tx, admin, {
      type: "request.typical_case_published",
      entityType: "request",
      entityId: current.requestId,
      requestId: current.requestId,
      data: { typicalCaseId: current.id, disputesResolved: figures.disputesResolved, recoveredFen: fenToJson(figures.recoveredFen) },
    });
    return { id: row.id, status: "published" as const, publishedAt: now };
  });
}
