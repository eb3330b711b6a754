import { eq, sql } from "drizzle-orm";
import { disputes, recoveries } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { conflict, isUniqueViolation } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { fenToJson } from "@/lib/money";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { ledgerEntryColumns, type LedgerEntry } from "./ledger-entry";
import { loadRecoveryForParty, lockRequestIn } from "./load";
import { ledgerOpenStatuses } from "./status-flow";

/**
 * Corrects a ledger entry by appending its reversal: the negative amount, on the original's date
 * (so every period's total nets out), pointing at it, with a reason. Callers: the assigned expert
 * or an admin covering the request. 403 other roles; 404 not a party; 409 when the entry is itself
 * a reversal, was reversed already (the unique index recoveries_one_reversal also settles two
 * simultaneous attempts), or the case is closed. Updates the dispute's rollup and tells the company
 * (as it was told of the entry: inbox and mail) in the same transaction, with the amount reversed,
 * the reason and the dispute; the notice names the request's case number.
 */
export async function reverseRecovery(actor: Actor | null, recoveryId: string, reason: string): Promise<LedgerEntry> {
  const writer = requirePermission(actor, "recovery.write");
  try {
    return await inTransaction(async (tx) => {
      const { entry, request } = await loadRecoveryForParty(tx, writer, recoveryId);
      if (entry.reversesId) throw conflict("disputes.errors.reversalOfReversal");
      await lockRequestIn(tx, writer, request, ledgerOpenStatuses, "disputes.errors.ledgerClosed");
      const [existing] = await tx.select({ id: recoveries.id }).from(recoveries).where(eq(recoveries.reversesId, entry.id)).limit(1);
      if (existing) throw conflict("disputes.errors.alreadyReversed");
      const [reversal] = await tx
        .insert(recoveries)
        .values({
          disputeId: entry.disputeId,
          requestId: entry.requestId,
          amountFen: -entry.amountFen,
          receivedOn: entry.receivedOn,
          method: entry.method,
          note: entry.note,
          reversesId: entry.id,
          reason,
          recordedBy: writer.userId,
        })
        .returning(ledgerEntryColumns);
      const [dispute] = await tx
        .update(disputes)
        .set({ recoveredFen: sql`${disputes.recoveredFen} - ${entry.amountFen}`, updatedAt: sql`now()` })
        .where(eq(disputes.id, entry.disputeId))
        .returning({ counterpartyName: disputes.counterpartyName });
      await recordEvent(tx, writer, {
        type: "recovery.reversed",
        entityType: "recovery",
        entityId: reversal!.id,
        requestId: entry.requestId,
        reason,
        data: { disputeId: entry.disputeId, reverses: entry.id, amountFen: fenToJson(-entry.amountFen) },
      });
      await notify(tx, {
        userIds: await audienceOf(tx, "recovery.reversed", request),
        kind: "recovery.reversed",
        requestId: entry.requestId,
        data: {
          title: request.title,
          disputeId: entry.disputeId,
          counterparty: dispute?.counterpartyName,
          amountFen: fenToJson(-entry.amountFen),
          receivedOn: entry.receivedOn,
          reason,
        },
      });
      return reversal!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "recoveries_one_reversal")) throw conflict("disputes.errors.alreadyReversed");
    throw error;
  }
}
