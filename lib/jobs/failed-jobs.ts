import { sql } from "drizzle-orm";
import { db, rowsOf } from "@/db";

export interface FailedJobs {
  total: number;
  byQueue: Record<string, number>;
}

/**
 * Jobs that ran out of retries, by queue, for the admins' overview: still in the queue, or already
 * archived (pg-boss keeps those about a week). A job still retrying is not counted.
 */
export async function countFailedJobs(): Promise<FailedJobs> {
  const rows = rowsOf<{ name: string; n: number }>(
    await db.execute(sql`
      select name, count(*)::int as n from (
        select name from pgboss.job where state = 'failed'
        union all
        select name from pgboss.archive where state = 'failed'
      ) failed
      group by name`),
  );
  const byQueue = Object.fromEntries(rows.map((r) => [r.name, r.n]));
  return { total: rows.reduce((sum, r) => sum + r.n, 0), byQueue };
}
