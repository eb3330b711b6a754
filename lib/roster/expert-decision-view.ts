import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { experts } from "@/db/schema";
import { todayInShanghai } from "@/lib/clock";
import { isTermCurrent } from "./term";

/**
 * The expert as a roster decision answers it (API: decision, suspend, reinstate): the status and
 * `appointedUntil`, the end date of a current appointment (null when not currently appointed).
 */
export async function expertDecisionView(tx: DbOrTx, expertId: string) {
  const [row] = await tx
    .select({ id: experts.id, name: experts.name, status: experts.status, termStart: experts.termStart, termEnd: experts.termEnd })
    .from(experts)
    .where(eq(experts.id, expertId));
  if (!row) return null;
  const current = row.status === "active" && isTermCurrent(row.termStart, row.termEnd, todayInShanghai());
  return { ...row, appointedUntil: current ? row.termEnd : null };
}
export type ExpertDecisionView = NonNullable<Awaited<ReturnType<typeof expertDecisionView>>>;
