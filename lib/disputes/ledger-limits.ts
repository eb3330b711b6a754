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
 * both pass with the last of the room.
 */

const totals = {
  // a reversal nets out only in the groups holding its entry, so every positive entry counts
  recovered: sql.raw("select coalesce(sum(amount_fen) filter (where amount_fen > 0), 0)::text as total from recoveries"),
  claimed: sql.raw("select coalesce(sum(claimed_fen), 0)::text as total from disputes"),
};

/** 409 when adding `fen` to the grand total of claims or of money recorded would pass 2^53 - 1 fen. */
export async function ensureRoomInTotals(tx: Tx, which: keyof typeof totals, fen: bigint): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('ledger_totals'), hashtext(${which}::text))`);
  const [row] = rowsOf<{ total: string }>(await tx.execute(totals[which]));
  if (BigInt(row?.total ?? "0") + fen > MAX_SAFE_FEN) throw conflict("disputes.errors.totalLimit");
}
