import type { DisputeRow, LedgerRow } from "@/lib/disputes/queries";

/** What the disputes panel hands to its client components (amounts stay bigint fen). */
export interface BoardData {
  requestId: string;
  disputes: DisputeRow[];
  ledger: LedgerRow[];
  can: { writeDisputes: boolean; writeLedger: boolean; respond: boolean };
  /** Today in Asia/Shanghai, the default date of money received. */
  today: string;
}
