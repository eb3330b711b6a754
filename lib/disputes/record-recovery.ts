import { eq, sql } from "drizzle-orm";
import { disputes, recoveries } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { recordEvent } from "@/lib/events/record-event";
import { fenToJson } from "@/lib/money";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { ledgerEntryColumns, type LedgerEntry } from "./ledger-entry";
import { ensureRoomInTotals } from "./ledger-limits";
import { loadDisputeForParty, lockRequestIn } from "./load";
import { isOverClaim, OverClaimError, overClaimFigures } from "./over-claim";
import type { RecordRecoveryInput } from "./schemas";
import { ledgerOpenStatuses } from "./status-flow";

/**
 * Appends money received to a dispute's ledger. Callers: the assigned expert or an admin covering
 * the request. 403 for other roles; 404 when not a party; 409 when the case is not accepted, in
 * progress or resolved, or the grand total would pass what reports can show; 422 on `amountFen`
 * when the amount is above the dispute's outstanding claim and the recorder did not confirm it
 * (an OverClaimError, carrying the figures side by side).
 * In one transaction: the entry, the dispute's recovered_fen rollup (added in SQL, so concurrent
 * entries cannot lose an update), the event and the company's notification.
 */
export async function recordRecovery(actor: Actor | null, disputeId: string, input: RecordRecoveryInput): Promise<LedgerEntry> {
  const writer = requirePermission(actor, "recovery.write");
  return inTransaction(async (tx) => {
    const { dispute, request } = await loadDisputeForParty(tx, writer, disputeId);
    await lockRequestIn(tx, writer, request, ledgerOpenStatuses, "disputes.errors.ledgerClosed");
    // read under the request's lock, which every ledger write of the case holds
    const [claim] = await tx
      .select({ claimedFen: disputes.claimedFen, recoveredFen: disputes.recoveredFen })
      .from(disputes)
      .where(eq(disputes.id, dispute.id));
    const figures = claim ? overClaimFigures(claim.claimedFen, claim.recoveredFen, input.amountFen) : null;
    const overClaim = figures !== null && isOverClaim(figures);
    if (overClaim && !input.confirmOverClaim) throw new OverClaimError(figures);
    await ensureRoomInTotals(tx, "recovered", input.amountFen);
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
      data: {
        disputeId: dispute.id,
        counterparty: dispute.counterpartyName,
        amountFen: fenToJson(input.amountFen),
        receivedOn: input.receivedOn,
        ...(overClaim ? { overClaimConfirmed: true } : {}),
      },
    });
    await notify(tx, {
      userIds: await audienceOf(tx, "recovery.recorded", request),
      kind: "recovery.recorded",
      requestId: request.id,
      data: {
        title: request.title,
        disputeId: dispute.id,
        counterparty: dispute.counterpartyName,
        amountFen: fenToJson(input.amountFen),
        receivedOn: input.receivedOn,
      },
    });
    return entry!;
  });
}
