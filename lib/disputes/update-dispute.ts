import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { disputes } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { loadCaseForParty } from "@/lib/requests/access";
import { inTransaction } from "@/lib/transaction";
import { loadDisputeForParty, lockRequestIn } from "./load";
import type { UpdateDisputeInput } from "./schemas";
import { disputeStatusesFrom, disputeWorkStatuses, isClosedDisputeStatus } from "./status-flow";

/**
 * Moves the given disputes of one request to `input.status`; disputes that cannot make that move
 * (closed already, or in that status) are left as they are. The rows are locked first so each
 * event records the status it really came from. A closing status sets closed_at.
 */
async function moveDisputes(tx: Tx, actor: Actor, requestId: string, ids: string[], input: UpdateDisputeInput) {
  const from = disputeStatusesFrom(input.status);
  if (!from.length || !ids.length) return [];
  const movable = await tx
    .select({ id: disputes.id, status: disputes.status })
    .from(disputes)
    .where(and(eq(disputes.requestId, requestId), inArray(disputes.id, ids), inArray(disputes.status, from)))
    .orderBy(asc(disputes.id))
    .for("update");
  if (!movable.length) return [];
  const rows = await tx
    .update(disputes)
    .set({
      status: input.status,
      ...(isClosedDisputeStatus(input.status) ? { closedAt: sql`now()` } : {}),
      ...(input.resolutionMethod ? { resolutionMethod: input.resolutionMethod } : {}),
      updatedAt: sql`now()`,
    })
    .where(
      inArray(
        disputes.id,
        movable.map((d) => d.id),
      ),
    )
    .returning({ id: disputes.id, status: disputes.status, resolutionMethod: disputes.resolutionMethod, closedAt: disputes.closedAt });
  const previous = new Map(movable.map((d) => [d.id, d.status]));
  for (const row of rows) {
    await recordEvent(tx, actor, {
      type: "dispute.updated",
      entityType: "dispute",
      entityId: row.id,
      requestId,
      data: { from: previous.get(row.id), to: row.status, resolutionMethod: row.resolutionMethod },
    });
  }
  return rows;
}

/**
 * Changes one dispute's status (and resolution method). Callers: the assigned expert or an admin
 * covering the request. 403 for other roles; 404 when not a party; 409 when the request is not
 * accepted / in progress or the move is not allowed (a closed dispute never changes).
 */
export async function updateDispute(actor: Actor | null, disputeId: string, input: UpdateDisputeInput) {
  const writer = requirePermission(actor, "dispute.write");
  return inTransaction(async (tx) => {
    const { dispute, request } = await loadDisputeForParty(tx, writer, disputeId);
    await lockRequestIn(tx, writer, request, disputeWorkStatuses, "disputes.errors.requestNotActive");
    const [row] = await moveDisputes(tx, writer, request.id, [dispute.id], input);
    if (!row) throw new AppError("conflict", "disputes.errors.illegalStatus");
    return row;
  });
}

/**
 * The bulk status change of the disputes table: many disputes of one request in one transaction.
 * Same callers and errors as updateDispute; disputes that cannot move are counted as skipped.
 */
export async function bulkUpdateDisputes(actor: Actor | null, requestId: string, ids: string[], input: UpdateDisputeInput) {
  const writer = requirePermission(actor, "dispute.write");
  return inTransaction(async (tx) => {
    const request = await loadCaseForParty(tx, writer, requestId);
    await lockRequestIn(tx, writer, request, disputeWorkStatuses, "disputes.errors.requestNotActive");
    const unique = [...new Set(ids)];
    const rows = await moveDisputes(tx, writer, request.id, unique, input);
    return { updated: rows.length, skipped: unique.length - rows.length };
  });
}
