import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { typicalCases } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime } from "@/lib/clock";
import { conflict } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { inTransaction } from "@/lib/transaction";
import { anonymiseCase } from "./anonymise";
import { loadCaseFacts } from "./facts";
import { loadTypicalCaseForAdmin } from "./load";
import type { TypicalCaseTextInput } from "./schemas";

/**
 * An admin covering its request changes a draft's text or the company's consent; the text is
 * anonymised again. Giving consent records who and when (and an event); taking it back clears
 * them. 404 outside the admin's district, 409 unless it is still a draft.
 */
export async function updateTypicalCase(actor: Actor | null, id: string, input: TypicalCaseTextInput): Promise<{ id: string }> {
  const admin = requirePermission(actor, "typicalCase.manage");
  const current = await loadTypicalCaseForAdmin(db, admin, id);
  if (current.status !== "draft") throw conflict("typicalCases.errors.notDraft");
  const facts = await loadCaseFacts(db, current.requestId);
  const { texts } = anonymiseCase(input, facts, input.companyConsent);
  const now = currentTime();
  const consentChanged = input.companyConsent !== current.companyConsent;
  return inTransaction(async (tx) => {
    const [row] = await tx
      .update(typicalCases)
      .set({
        ...texts,
        companyConsent: input.companyConsent,
        ...(consentChanged
          ? { consentRecordedBy: input.companyConsent ? admin.userId : null, consentRecordedAt: input.companyConsent ? now : null }
          : {}),
        updatedAt: now,
      })
      .where(and(eq(typicalCases.id, current.id), eq(typicalCases.status, "draft")))
      .returning({ id: typicalCases.id });
    if (!row) throw conflict("typicalCases.errors.notDraft");
    if (consentChanged) {
      await recordEvent(tx, admin, {
        type: "request.typical_case_consent",
        entityType: "request",
        entityId: current.requestId,
        requestId: current.requestId,
        data: { typicalCaseId: current.id, companyConsent: input.companyConsent },
      });
    }
    return { id: row.id };
  });
}
