import { sql } from "drizzle-orm";
import { rowsOf, type Tx } from "@/db";
import { conflict } from "@/lib/errors";
import { MAX_SAFE_FEN } from "@/lib/money";

/*
 * Every total the reports, the statistics and the dispute lists show is a sum of claims or of
 * ledger entries, and it leaves as a JSON number, exact only up to 2^53 - 1 fen. Each entry is
 * capped (MAX_ENTRY_FEN), so reaching that needs some 9,000 maximal entries; a write that would take
 * the grand total past it is refused here instead of breaking every report afterwards. The totals
 * are checked under one advisory lock (taken after the request's row lock), so two writes cannot
 * both pass with the last of the room. "recovered" counts every positive entry (a reversal nets out
 * only in the groups holding its entry); "claimed" every dispute's claim.
 */

/** 409 when adding `fen` to the grand total of claims or of money recorded would pass 2^53 - 1 fen. */
export async function ensureRoomInTotals(tx: Tx, which: "recovered" | "claimed", fen: bigint): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('ledger_totals'), hashtext(${which}::text))`);
  // kept by triggers in every writing transaction (migration 0041): one row, not a sum of the ledger
  const [row] = rowsOf<{ total: string }>(await tx.execute(sql`select total_fen::text as total from ledger_totals where which = ${which}`));
  if (BigInt(row?.total ?? "0") + fen > MAX_SAFE_FEN) throw conflict("disputes.errors.totalLimit");
}
