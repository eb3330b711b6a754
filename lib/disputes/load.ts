import { eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { disputes, recoveries } from "@/db/schema";
import type { RequestStatus } from "@/lib/enums";
import type { Actor } from "@/lib/authz";
import { conflict, notFound } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/keys";
import { loadCaseForParty, type RequestCore } from "@/lib/requests/access";
import { lockRequest } from "@/lib/requests/lock";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The dispute and its request when the actor takes part in the case (the filing company or
 * station, the assigned expert, an admin whose scope covers it); otherwise 404, exactly as for a
 * dispute that does not exist.
 */
export async function loadDisputeForParty(handle: DbOrTx, actor: Actor, disputeId: string) {
  if (!UUID.test(disputeId)) throw notFound();
  const [dispute] = await handle
    .select({ id: disputes.id, requestId: disputes.requestId, status: disputes.status, counterpartyName: disputes.counterpartyName })
    .from(disputes)
    .where(eq(disputes.id, disputeId))
    .limit(1);
  if (!dispute) throw notFound();
  const request = await loadCaseForParty(handle, actor, dispute.requestId);
  return { dispute, request };
}

/** A ledger entry and its request when the actor takes part in the case; otherwise 404. */
export async function loadRecoveryForParty(handle: DbOrTx, actor: Actor, recoveryId: string) {
  if (!UUID.test(recoveryId)) throw notFound();
  const [entry] = await handle.select().from(recoveries).where(eq(recoveries.id, recoveryId)).limit(1);
  if (!entry) throw notFound();
  const request = await loadCaseForParty(handle, actor, entry.requestId);
  return { entry, request };
}

/**
 * Locks the request row until the transaction ends and checks its status, so a state change of
 * the request (resolution, closure, reassignment) cannot interleave with a dispute or ledger write.
 */
export async function lockRequestIn(tx: Tx, actor: Actor, request: RequestCore, statuses: readonly RequestStatus[], messageKey: MessageKey) {
  const row = await lockRequest(tx, request.id);
  // An expert whose case was just reassigned is no longer a party.
  if (!row || (actor.role === "expert" && row.assignedExpertId !== actor.expertId)) throw notFound();
  if (!(statuses as readonly string[]).includes(row.status)) throw conflict(messageKey);
  return row.status;
}
