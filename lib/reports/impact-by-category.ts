import { sql } from "drizzle-orm";
import { db, rowsOf } from "@/db";
import { requestCategories, type RequestCategory } from "@/lib/enums";

export interface CategoryImpact {
  category: RequestCategory;
  requestsFiled: number;
  requestsResolved: number;
  disputesResolved: number;
  recoveredFen: bigint;
}

/**
 * The public impact page's figures per category of work, all time, from the rollups (dimension
 * "category", kept exact by triggers): requests handled, resolved, disputes resolved, money
 * recovered. Aggregates only; every category comes back, the busiest first, empty ones last.
 */
export async function getImpactByCategory(): Promise<CategoryImpact[]> {
  const rows = rowsOf<{ key: string; f: number; rr: number; dr: number; rf: string }>(
    await db.execute(sql`
      select key, sum(requests_filed)::int as f, sum(requests_resolved)::int as rr, sum(disputes_resolved)::int as dr, sum(recovered_fen)::text as rf
      from report_rollups where dimension = 'category' group by 1`),
  );
  return requestCategories
    .map((category) => {
      const r = rows.find((x) => x.key === category);
      return {
        category,
        requestsFiled: Number(r?.f ?? 0),
        requestsResolved: Number(r?.rr ?? 0),
        disputesResolved: Number(r?.dr ?? 0),
        recoveredFen: BigInt(r?.rf ?? 0),
      };
    })
    .sort((a, b) => b.requestsFiled - a.requestsFiled || (b.recoveredFen > a.recoveredFen ? 1 : b.recoveredFen < a.recoveredFen ? -1 : 0));
}
