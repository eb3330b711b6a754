import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db";

/**
 * Routing use cases take an optional `now` so the simulator can run a year in minutes. Without one,
 * deadlines are compared with the database's clock, the one clock every app instance shares.
 */
export function clockSql(now?: Date): SQL {
  return now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
}

/** Takes the per-expert routing lock (the one the profile triggers take) until the transaction ends. */
export async function lockExpert(tx: Tx, expertId: string): Promise<void> {
  await tx.execute(sql`select lock_expert_routing(${expertId}::uuid)`);
}
