import { sql } from "drizzle-orm";
import { db, rowsOf, type DbOrTx } from "@/db";

/**
 * Folds the report rollups' shards into shard 0 (migration 0035), one shard per statement, so each
 * shard is held only for its own short transaction while filings go on in the others. The figures
 * (sums over shards) are the same before and after. Every ten minutes, as the job
 * reports.compact-rollups; the shards and their rows are found through the index of uncompacted rows
 * (migration 0046). Answers the rows folded.
 */
export async function compactRollups(handle: DbOrTx = db): Promise<number> {
  const shards = rowsOf<{ shard: number }>(await handle.execute(sql`select distinct shard from report_rollups where shard > 0 order by 1`));
  let folded = 0;
  for (const { shard } of shards) {
    const [row] = rowsOf<{ folded: number }>(await handle.execute(sql`select report_rollups_compact(${shard}::smallint) as folded`));
    folded += Number(row?.folded ?? 0);
  }
  return folded;
}
