import { recoveries } from "@/db/schema";

/** The columns of a ledger entry as the API and the pages show it (no internal fields left out). */
export const ledgerEntryColumns = {
  id: recoveries.id,
  disputeId: recoveries.disputeId,
  requestId: recoveries.requestId,
  amountFen: recoveries.amountFen,
  receivedOn: recoveries.receivedOn,
  method: recoveries.method,
  note: recoveries.note,
  reversesId: recoveries.reversesId,
  reason: recoveries.reason,
  recordedBy: recoveries.recordedBy,
  recordedAt: recoveries.recordedAt,
  enterpriseResponse: recoveries.enterpriseResponse,
  enterpriseNote: recoveries.enterpriseNote,
};
export type LedgerEntry = { [K in keyof typeof ledgerEntryColumns]: (typeof recoveries.$inferSelect)[K] };
