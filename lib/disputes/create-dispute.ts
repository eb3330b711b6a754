import { sql } from "drizzle-orm";
import { disputes } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { fenToJson } from "@/lib/money";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { loadCaseForParty } from "@/lib/requests/access";
import { applyTransition } from "@/lib/requests/state-machine";
import { inTransaction } from "@/lib/transaction";
import { ensureRoomInTotals } from "./ledger-limits";
import { lockRequestIn } from "./load";
import { MAX_DISPUTES_AT_ONCE, type CreateDisputeInput } from "./schemas";
import { disputeWorkStatuses } from "./status-flow";

/**
 * Opens a dispute on a case. Callers: the assigned expert, or an admin whose scope covers the
 * request. Throws 403 for other roles, 404 when the actor is not a party of the case, 409 unless
 * the request is accepted or in progress (or the grand total of claims would pass what reports can show). Writes the dispute and its event; the first dispute on
 * an accepted request starts it (accepted -> in progress) in the same transaction.
 */
export async function createDispute(actor: Actor | null, requestId: string, input: CreateDisputeInput): Promise<{ id: string; status: "open" }> {
  const { ids } = await createDisputes(actor, requestId, [input]);
  return { id: ids[0]!, status: "open" as const };
}

/**
 * Opens several disputes on a case at once (a table typed or pasted from a spreadsheet): all of
 * them or none. Same callers, errors and writes as createDispute, one event per dispute; the
 * grand total of claims is checked for their sum. Throws 422 for no rows or more than
 * MAX_DISPUTES_AT_ONCE. Answers the new ids in the order of the rows.
 */
export async function createDisputes(actor: Actor | null, requestId: string, inputs: readonly CreateDisputeInput[]): Promise<{ ids: string[] }> {
  const writer = requirePermission(actor, "dispute.write");
  if (inputs.length === 0 || inputs.length > MAX_DISPUTES_AT_ONCE) {
    throw new AppError("invalid_input", "disputes.errors.batchSize", { params: { max: MAX_DISPUTES_AT_ONCE } });
  }
  return inTransaction(async (tx) => {
    const request = await loadCaseForParty(tx, writer, requestId);
    const status = await lockRequestIn(tx, writer, request, disputeWorkStatuses, "disputes.errors.requestNotActive");
    await ensureRoomInTotals(
      tx,
      "claimed",
      inputs.reduce((sum, input) => sum + input.claimedFen, 0n),
    );
    const ids: string[] = [];
    for (const [i, input] of inputs.entries()) {
      const [row] = await tx
        .insert(disputes)
        .values({
          requestId: request.id,
          counterpartyName: input.counterpartyName,
          counterpartyCreditCode: input.counterpartyCreditCode ?? null,
          kind: input.kind,
          claimedFen: input.claimedFen,
          // one transaction has one now(): a microsecond apart, the board lists them in the order of the rows
          openedAt: sql`now() + ${i} * interval '1 microsecond'`,
          createdBy: writer.userId,
        })
        .returning({ id: disputes.id });
      await recordEvent(tx, writer, {
        type: "dispute.created",
        entityType: "dispute",
        entityId: row!.id,
        requestId: request.id,
        data: { counterparty: input.counterpartyName, kind: input.kind, claimedFen: fenToJson(input.claimedFen) },
      });
      ids.push(row!.id);
    }
    if (status === "accepted") {
      await applyTransition(tx, writer, request.id, "start");
      await notify(tx, {
        userIds: await audienceOf(tx, "request.start", request),
        kind: "request.status",
        requestId: request.id,
        data: { title: request.title, status: "in_progress" },
      });
    }
    return { ids };
  });
}
