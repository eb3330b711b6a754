import { and, eq, ne } from "drizzle-orm";
import { db } from "@/db";
import { typicalCases } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime } from "@/lib/clock";
import { conflict, isUniqueViolation } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { fenToJson } from "@/lib/money";
import { loadVisibleRequest } from "@/lib/requests/access";
import { lockRequest } from "@/lib/requests/lock";
import { inTransaction } from "@/lib/transaction";
import { anonymiseCase } from "./anonymise";
import { caseFigures, loadCaseFacts } from "./facts";
import type { DraftTypicalCaseInput } from "./schemas";

/**
 * An admin whose district covers a closed request drafts a typical case from it. The text is
 * anonymised before it is stored (see anonymiseCase); the figures are read from the ledger, never
 * from the input. The company's consent, when given, is recorded with who recorded it and when.
 * 404 for a request the admin may not see, 409 unless it is closed or when it already has a live
 * (draft or published) typical case. Writes the draft and its event on the request's timeline.
 */
export async function draftTypicalCase(actor: Actor | null, input: DraftTypicalCaseInput): Promise<{ id: string; status: "draft" }> {
  const admin = requirePermission(actor, "typicalCase.manage");
  const request = await loadVisibleRequest(db, admin, input.requestId);
  if (request.status !== "closed") throw conflict("typicalCases.errors.notClosed");
  const [facts, figures] = await Promise.all([loadCaseFacts(db, request.id), caseFigures(admin, request.id)]);
  const { texts } = anonymiseCase(input, facts, input.companyConsent);
  try {
    return await inTransaction(async (tx) => {
      const locked = await lockRequest(tx, request.id);
      if (locked?.status !== "closed") throw conflict("typicalCases.errors.notClosed");
      const [live] = await tx
        .select({ id: typicalCases.id })
        .from(typicalCases)
        .where(and(eq(typicalCases.requestId, request.id), ne(typicalCases.status, "withdrawn")));
      if (live) throw conflict("typicalCases.errors.alreadyLive");
      const now = currentTime();
      const [row] = await tx
        .insert(typicalCases)
        .values({
          requestId: request.id,
          ...texts,
          companyConsent: input.companyConsent,
          consentRecordedBy: input.companyConsent ? admin.userId : null,
          consentRecordedAt: input.companyConsent ? now : null,
          ...figures,
          createdBy: admin.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: typicalCases.id });
      await recordEvent(tx, admin, {
        type: "request.typical_case_drafted",
        entityType: "request",
        entityId: request.id,
        requestId: request.id,
        data: {
          typicalCaseId: row!.id,
          companyConsent: input.companyConsent,
          disputesResolved: figures.disputesResolved,
          recoveredFen: fenToJson(figures.recoveredFen),
        },
      });
      return { id: row!.id, status: "draft" as const };
    });
  } catch (error) {
    if (isUniqueViolation(error, "typical_cases_request_key")) throw conflict("typicalCases.errors.alreadyLive");
    throw error;
  }
}
