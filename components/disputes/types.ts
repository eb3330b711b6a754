import type { DisputeRow, LedgerRow } from "@/lib/disputes/queries";
import type { DisputeKind } from "@/lib/enums";

/** What the disputes panel hands to its client components (amounts stay bigint fen). */
export interface BoardData {
  requestId: string;
  disputes: DisputeRow[];
  ledger: LedgerRow[];
  /** The counterparties named in the request, offered when adding disputes. */
  counterparties: { name: string; creditCode: string | null }[];
  /** The kinds' labels in every language, to recognise a kind in pasted spreadsheet rows. */
  kindLabels: Record<DisputeKind, string>[];
  can: { writeDisputes: boolean; writeLedger: boolean; respond: boolean };
  /** Today in Asia/Shanghai, the default date of money received. */
  today: string;
}
