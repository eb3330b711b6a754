import { sql } from "drizzle-orm";
import type { Tx } from "@/db";

/** Takes the per-expert routing lock (the one the profile triggers take) until the transaction ends. */
export async function lockExpert(tx: Tx, expertId: string): Promise<void> {
  await tx.execute(sql`select lock_expert_routing(${expertId}::uuid)`);
}
