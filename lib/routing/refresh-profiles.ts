import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";

/** Experts per transaction: each refresh locks its expert's profile until the transaction ends. */
export const REFRESH_BATCH = 500;

/**
 * Recomputes every expert's routing profile from the source tables (refresh_expert_routing_profile),
 * `batch` experts per transaction in order of id, so a refresh of the whole roster holds few locks
 * at a time and holds up routing (which locks the expert it offers to) only for one batch. For
 * scripts and operators after a load that bypassed the triggers; returns how many were refreshed.
 */
export async function refreshRoutingProfiles(handle: Db, batch = REFRESH_BATCH): Promise<number> {
  let after = "00000000-0000-0000-0000-000000000000";
  let refreshed = 0;
  for (;;) {
    const ids = await handle.transaction(async (tx) =>
      rowsOf<{ id: string }>(
        await tx.execute(sql`select x.id::text as id, refresh_expert_routing_profile(x.id)
          from (select id from experts where id > ${after}::uuid order by id limit ${batch}) x`),
      ),
    );
    refreshed += ids.length;
    if (ids.length < batch) return refreshed;
    after = ids[ids.length - 1]!.id;
  }
}
