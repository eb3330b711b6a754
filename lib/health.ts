import { sql } from "drizzle-orm";
import { z } from "zod";
import { database, type Database } from "@/db";
import { isQueueStarted } from "@/lib/jobs/queue";

/** A load balancer gives up on a check after a few seconds: a hung database answers "failed" before then. */
export const HEALTH_TIMEOUT_MS = 1500;

const part = z.enum(["ok", "failed"]);
export const healthResponse = z.object({
  status: z.enum(["ok", "unavailable"]),
  /** The database answered one query in time. */
  database: part,
  /** This process's job queue has started (and is not stopping). */
  jobs: part,
});
export type Health = z.infer<typeof healthResponse>;

/** Whether `check` answered true within `ms`; a check that throws or hangs counts as failed. */
async function within(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([check().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether this process can serve: the database answers (one round trip) and the job queue has
 * started. Both are asked at once, each given `timeoutMs`. Names no version and no error text:
 * anyone may ask.
 */
export async function checkHealth(target: Database = database(), timeoutMs = HEALTH_TIMEOUT_MS): Promise<Health> {
  const [databaseOk, jobsOk] = await Promise.all([
    within(timeoutMs, async () => {
      await target.db.execute(sql`select 1`);
      return true;
    }),
    within(timeoutMs, () => isQueueStarted(target)),
  ]);
  return {
    status: databaseOk && jobsOk ? "ok" : "unavailable",
    database: databaseOk ? "ok" : "failed",
    jobs: jobsOk ? "ok" : "failed",
  };
}
