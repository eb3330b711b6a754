import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { disputes, recoveries } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { recordEvent } from "@/lib/events/record-event";
import { fenToJson } from "@/lib/money";
import { notify } from "@/lib/notifications/notify";
import { filerUserIds } from "@/lib/requests/access";
import { ledgerEntryColumns, type LedgerEntry } from "./ledger-entry";
import { loadDisputeForParty, lockRequestIn } from "./load";
import type { RecordRecoveryInput } from "./schemas";
import { ledgerOpenStatuses } from "./status-flow";

/**
 * Appends money received to a dispute's ledger. Callers: the assigned expert or an admin covering
 * the request. 403 for other roles; 404 when not a party; 409 when the case is not accepted, in
 * progress or resolved. In one transaction: the entry, the dispute's recovered_fen rollup (added
 * in SQL, so concurrent entries cannot lose an update), the event and the company's notification.
 */
export async function recordRecovery(actor: Actor | null, disputeId: string, input: RecordRecoveryInput): Promise<LedgerEntry> {
  const writer = requirePermission(actor, "recovery.write");
  return db.transaction(async (tx) => {
    const { dispute, request } = await loadDisputeForParty(tx, writer, disputeId);
    await lockRequestIn(tx, writer, request, ledgerOpenStatuses, "disputes.errors.ledgerClosed");
    const [entry] = await tx
      .insert(recoveries)
      .values({
        disputeId: dispute.id,
        requestId: request.id,
        amountFen: input.amountFen,
        receivedOn: input.receivedOn,
        method: input.method,
        note: input.note ?? "",
        recordedBy: writer.userId,
      })
      .returning(ledgerEntryColumns);
    await tx
      .update(disputes)
      .set({ recoveredFen: sql`${disputes.recoveredFen} + ${input.amountFen}`, updatedAt: sql`now()` })
      .where(eq(disputes.id, dispute.id));
    await recordEvent(tx, writer, {
      type: "recovery.recorded",
      entityType: "recovery",
      entityId: entry!.id,
      requestId: request.id,
      data: { disputeId: dispute.id, counterparty: dispute.counterpartyName, amountFen: fenToJson(input.amountFen), receivedOn: input.receivedOn },
    });
    await notify(tx, {
      userIds: await filerUserIds(tx, request),
      kind: "recovery.recorded",
      requestId: request.id,
      data: { title: request.title, amountFen: fenToJson(input.amountFen) },
    });
    return entry!;
  });
}
