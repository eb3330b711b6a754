import PgBoss from "pg-boss";
import { database, type Database, type DbOrTx } from "@/db";
import { jobHandlers, jobSchedules, type JobName } from "./registry";
import { sqlAdapter } from "./sql-adapter";

/**
 * Background work (offer deadlines, reminders, e-mail) in a PostgreSQL-backed queue (pg-boss), so
 * it survives restarts, is shared by every app instance and retries on failure.
 */
// Kept on globalThis like the db handle: instrumentation and the route bundles are separate module
// graphs, and a second queue started from inside a PGlite transaction would wait on it forever.
const holder = globalThis as unknown as { __clcrBosses?: WeakMap<Database, Promise<PgBoss>> };
const bosses = (holder.__clcrBosses ??= new WeakMap<Database, Promise<PgBoss>>());

async function startBoss(target: Database): Promise<PgBoss> {
  const boss = new PgBoss({
    db: sqlAdapter(target.db),
    migrate: true,
    // Scheduled jobs (sweeps, reminders) and housekeeping run on both databases.
    supervise: true,
    schedule: true,
  });
  boss.on("error", (error) => console.error("job queue error", error));
  await boss.start();
  for (const name of Object.keys(jobHandlers)) {
    await boss.createQueue(name, { name, retryLimit: 8, retryDelay: 30, retryBackoff: true });
  }
  return boss;
}

/** The queue of the current database, started on first use. */
export function getBoss(target: Database = database()): Promise<PgBoss> {
  let boss = bosses.get(target);
  if (!boss) {
    boss = startBoss(target);
    bosses.set(target, boss);
  }
  return boss;
}

/**
 * Enqueues a job. Pass the open transaction to enqueue atomically with the change it follows
 * (the job is visible to workers only after commit, and vanishes on rollback).
 */
export async function enqueue<N extends JobName>(
  handle: DbOrTx,
  name: N,
  data: Parameters<(typeof jobHandlers)[N]>[0],
  options: { startAfter?: Date; singletonKey?: string } = {},
): Promise<void> {
  const boss = await getBoss();
  await boss.send(name, data as object, { ...options, db: sqlAdapter(handle) });
}

/** Starts a worker for every registered job and registers the recurring sweeps (server processes). */
export async function startWorkers(): Promise<void> {
  const boss = await getBoss();
  for (const [name, cron] of Object.entries(jobSchedules)) {
    await boss.schedule(name, cron, {}, { tz: "Asia/Shanghai" });
  }
  for (const [name, handler] of Object.entries(jobHandlers)) {
    await boss.work(name, { pollingIntervalSeconds: 2 }, async (jobs) => {
      for (const job of jobs) await (handler as (data: unknown) => Promise<void>)(job.data);
    });
  }
}

/**
 * Runs every job of a queue that is due now, in this process, then returns how many ran and how
 * many failed (failures stay in the queue for retry). For tests and scripts.
 */
export async function drainJobs(name: JobName): Promise<{ ran: number; failed: number }> {
  const boss = await getBoss();
  const handler = jobHandlers[name] as (data: unknown) => Promise<void>;
  let ran = 0;
  let failed = 0;
  for (;;) {
    const jobs = await boss.fetch(name, { batchSize: 50 });
    if (!jobs.length) return { ran, failed };
    for (const job of jobs) {
      ran += 1;
      try {
        await handler(job.data);
        await boss.complete(name, job.id);
      } catch (error) {
        failed += 1;
        await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
}
