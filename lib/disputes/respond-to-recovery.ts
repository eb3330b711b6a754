import { eq } from "drizzle-orm";
import { recoveries } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { recordEvent } from "@/lib/events/record-event";
import { lockRequest } from "@/lib/requests/lock";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { ledgerEntryColumns, type LedgerEntry } from "./ledger-entry";
import { loadRecoveryForParty } from "./load";
import type { EnterpriseResponse } from "./schemas";

/**
 * The company confirms a ledger entry or queries it (with a note). Callers: members of the
 * company that filed the request (404 for anyone else's entry). Only enterprise_response and
 * enterprise_note change: the append-only trigger refuses anything more. May be answered again
 * (a query settled by a phone call becomes a confirmation); each answer is an event, and whoever
 * recorded the entry is told.
 */
export async function respondToRecovery(
  actor: Actor | null,
  recoveryId: string,
  input: { response: EnterpriseResponse; note?: string },
): Promise<LedgerEntry> {
  const member = requirePermission(actor, "recovery.respond");
  return inTransaction(async (tx) => {
    const { entry, request } = await loadRecoveryForParty(tx, member, recoveryId);
    // the request first, as every change of a case (closing it may depend on the answers)
    await lockRequest(tx, entry.requestId);
    const [row] = await tx
      .update(recoveries)
      .set({ enterpriseResponse: input.response, enterpriseNote: input.note ?? null })
      .where(eq(recoveries.id, entry.id))
      .returning(ledgerEntryColumns);
    await recordEvent(tx, member, {
      type: `recovery.${input.response}`,
      entityType: "recovery",
      entityId: entry.id,
      requestId: entry.requestId,
      reason: input.note ?? null,
      data: { disputeId: entry.disputeId },
    });
    // Whoever recorded the entry hears the answer (a query above all: the figure may be wrong).
    await notify(tx, {
      userIds: [entry.recordedBy],
      kind: `recovery.${input.response}`,
      requestId: entry.requestId,
      data: { title: request.title, reason: input.note ?? null },
    });
    return row!;
  });
}
