import { sql, type SQLWrapper } from "drizzle-orm";
import { db, rowsOf } from "@/db";
import type { PageQuery } from "@/lib/validation";

/**
 * How far a long list counts and pages: its first LIST_WINDOW rows that match. The lists of a whole
 * zone (the audit trail, the requests, the accounts, the companies) hold hundreds of thousands to
 * millions of rows; counting them all for every page costs more than the page itself. The rest is
 * reached by narrowing the filters (a search, a role, a status; dates where the list has them).
 */
export const LIST_WINDOW = 10_000;

/** A list's count: exact up to LIST_WINDOW; `totalExact` false when more match than `total` says. */
export interface WindowTotal {
  total: number;
  totalExact: boolean;
}

/** How many rows a select of the list's rows (any columns, its joins and conditions) gives, counted up to the window. */
export async function countWithinWindow(matching: { limit(limit: number): SQLWrapper }): Promise<WindowTotal> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from (${matching.limit(LIST_WINDOW + 1)}) as matching`));
  const n = row?.n ?? 0;
  return { total: Math.min(n, LIST_WINDOW), totalExact: n <= LIST_WINDOW };
}

/** The rows a page reads within the window (its limit and offset), or null for a page past it. */
export function pageWithinWindow({ page, pageSize }: PageQuery): { limit: number; offset: number } | null {
  const offset = (page - 1) * pageSize;
  return offset < LIST_WINDOW ? { limit: Math.min(pageSize, LIST_WINDOW - offset), offset } : null;
}
