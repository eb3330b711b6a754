import { closedDisputeStatuses, disputeStatuses, type DisputeStatus, type RequestStatus } from "@/lib/enums";

/**
 * The dispute status flow: open -> negotiating / mediating / litigating / arbitrating / enforcing
 * (in any order, as a case moves between them) -> resolved / unresolved / withdrawn. A closed
 * dispute stays closed, and nothing goes back to "open".
 */
export function isClosedDisputeStatus(status: DisputeStatus): boolean {
  return (closedDisputeStatuses as readonly DisputeStatus[]).includes(status);
}

/** The statuses a dispute may move to `to` from (empty when `to` cannot be reached by a change). */
export function disputeStatusesFrom(to: DisputeStatus): DisputeStatus[] {
  if (to === "open") return [];
  return disputeStatuses.filter((from) => from !== to && !isClosedDisputeStatus(from));
}

export function canMoveDispute(from: DisputeStatus, to: DisputeStatus): boolean {
  return disputeStatusesFrom(to).includes(from);
}

/** Request statuses in which its disputes may be opened and moved. */
export const disputeWorkStatuses = ["accepted", "in_progress"] as const satisfies readonly RequestStatus[];

/** Request statuses in which money may still be recorded or corrected (payments arrive after resolution too). */
export const ledgerOpenStatuses = ["accepted", "in_progress", "resolved"] as const satisfies readonly RequestStatus[];
