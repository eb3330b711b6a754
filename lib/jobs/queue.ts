import PgBoss from "pg-boss";
import { database, type Database, type DbOrTx } from "@/db";
import { log } from "@/lib/log";
import type { JobData, JobHandlers, JobName } from "./names";
import { jobSchedules, MAINTENANCE_INTERVAL_SECONDS, queuePolicies, retiredJobNames } from "./policy";
import { sqlAdapter } from "./sql-adapter";

/**
 * Background work (offer deadlines, reminders, e-mail) in a PostgreSQL-backed queue (pg-boss), so
 * it survives restarts, is shared by every app instance and retries on failure.
 */
// Kept on globalThis like the db handle: instrumentation and the route bundles are separate module
// graphs, and a second queue started from inside a PGlite transaction would wait on it forever.
const holder = globalThis as unknown as {
  __clcrBosses?: WeakMap<Database, Promise<PgBoss>>;
  __clcrWorking?: WeakSet<PgBoss>;
  __clcrJobHandlers?: JobHandlers;
};
const bosses = (holder.__clcrBosses ??= new WeakMap<Database, Promise<PgBoss>>());
const working = (holder.__clcrWorking ??= new WeakSet<PgBoss>());
const jobNames = Object.keys(queuePolicies) as JobName[];

/**
 * Gives the queue what runs each job (lib/jobs/registry.ts), once, where a process starts. The
 * queue does not import the handlers itself: they reach most of the domain, which enqueues jobs.
 */
export function registerJobHandlers(handlers: JobHandlers): void {
  holder.__clcrJobHandlers = handlers;
}

function registeredHandlers(): JobHandlers {
  const handlers = holder.__clcrJobHandlers;
  if (!handlers) throw new Error("no job handlers are registered: call registerJobHandlers where the process starts");
  return handlers;
}

/**
 * Where pg-boss sends its own SQL. Its schema changes and maintenance are multi-statement scripts
 * (`BEGIN … COMMIT`), which postgres.js refuses on the app's pool, so on a server it gets a small
 * pool of its own (node-postgres, its own driver). PGlite is one connection: pg-boss shares it.
 */
function connection(target: Database): { connectionString: string; max: number; connectionTimeoutMillis: number } | { db: PgBoss.Db } {
  if (target.kind === "postgres") {
    if (!target.url) throw new Error("the job queue needs the server's connection string");
    // node-postgres waits for a connection without limit by default; a start must fail and retry.
    return { connectionString: target.url, max: 3, connectionTimeoutMillis: 10_000 };
  }
  return { db: sqlAdapter(target.db) };
}

/** Creates every registered queue that is missing and brings each one's options up to date. */
async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const name of jobNames) {
    const { expireInSeconds, retryLimit, retryDelay, retryBackoff } = queuePolicies[name];
    const options = { name, expireInSeconds, retryLimit, retryDelay, retryBackoff };
    await boss.createQueue(name, options);
    await boss.updateQueue(name, options);
  }
}

async function startBoss(target: Database, options: { supervise: boolean }): Promise<PgBoss> {
  const boss = new PgBoss({
    ...connection(target),
    // Creates or upgrades pg-boss's schema if `npm run db:migrate` has not (it is idempotent).
    migrate: true,
    // Scheduled jobs (sweeps, reminders) and housekeeping run on both databases.
    supervise: options.supervise,
    schedule: options.supervise,
    maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
  });
  boss.on("error", (error) => log().error({ err: error }, "job queue error"));
  try {
    await boss.start();
    await ensureQueues(boss);
    return boss;
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw error;
  }
}

/**
 * Creates pg-boss's schema and the app's queues on a database, then lets go of it: part of
 * `npm run db:migrate`, so a fresh server database is complete before the app first starts.
 */
export async function prepareJobQueue(target: Database): Promise<void> {
  const boss = await startBoss(target, { supervise: false });
  await boss.stop({ graceful: false, wait: true });
}

/**
 * The queue of the current database, started on first use. A start that fails is not kept: the
 * next caller tries again (the database may have been unreachable, or not migrated yet).
 */
export function getBoss(target: Database = database()): Promise<PgBoss> {
  let boss = bosses.get(target);
  if (!boss) {
    const starting = startBoss(target, { supervise: true });
    starting.catch(() => {
      if (bosses.get(target) === starting) bosses.delete(target);
    });
    bosses.set(target, starting);
    boss = starting;
  }
  return boss;
}

/**
 * Stops the queue of a database (workers, maintenance, its own connections) and forgets it. With
 * `graceMs`, the jobs this process is running get that long to finish; those still running then
 * are failed, so a worker retries them (without it, they are failed at once).
 */
export async function stopBoss(target: Database = database(), options: { graceMs?: number } = {}): Promise<void> {
  const boss = bosses.get(target);
  if (!boss) return;
  bosses.delete(target);
  const started = await boss.catch(() => null);
  const { graceMs } = options;
  await started?.stop(graceMs === undefined ? { graceful: false, wait: true } : { graceful: true, wait: true, timeout: graceMs });
}

/** Whether the queue of a database has started in this process (and has not been stopped): the health check asks. */
export async function isQueueStarted(target: Database = database()): Promise<boolean> {
  const boss = bosses.get(target);
  return Boolean(boss && (await boss.catch(() => null)));
}

/**
 * Enqueues a job. Pass the open transaction to enqueue atomically with the change it follows
 * (the job is visible to workers only after commit, and vanishes on rollback).
 */
export async function enqueue<N extends JobName>(
  handle: DbOrTx,
  name: N,
  data: JobData[N],
  options: { startAfter?: Date; singletonKey?: string } = {},
): Promise<void> {
  const boss = await getBoss();
  await boss.send(name, data as object, { ...options, db: sqlAdapter(handle) });
}

/**
 * Enqueues several jobs of one kind in one statement (pg-boss `insert`), in the caller's
 * transaction as `enqueue` does. Without singleton keys or delays: a plain batch.
 */
export async function enqueueMany<N extends JobName>(handle: DbOrTx, name: N, data: JobData[N][]): Promise<void> {
  if (!data.length) return;
  const boss = await getBoss();
  await boss.insert(
    data.map((d) => ({ name, data: d as object })),
    { db: sqlAdapter(handle) },
  );
}

/** Runs one job; a job that throws is failed (and so retried) on its own. Answers whether it succeeded. */
async function runJob(boss: PgBoss, handlers: JobHandlers, name: JobName, job: PgBoss.Job<unknown>): Promise<boolean> {
  try {
    await (handlers[name] as (data: unknown) => Promise<unknown>)(job.data);
    return true;
  } catch (error) {
    await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

/**
 * Starts the workers for every registered job and registers the recurring sweeps (server
 * processes). Safe to call again after a failure: a half-started queue is stopped and started anew.
 */
export async function startWorkers(target: Database = database()): Promise<void> {
  const handlers = registeredHandlers();
  const boss = await getBoss(target);
  if (working.has(boss)) return;
  try {
    for (const name of retiredJobNames) await boss.unschedule(name);
    for (const [name, cron] of Object.entries(jobSchedules)) {
      await boss.schedule(name, cron, {}, { tz: "Asia/Shanghai" });
    }
    for (const name of jobNames) {
      const { workers, batchSize } = queuePolicies[name];
      for (let i = 0; i < workers; i++) {
        // A batch runs side by side, so one slow job holds up no other; pg-boss completes the batch
        // when this returns, and those that failed are failed already.
        await boss.work(name, { pollingIntervalSeconds: 2, batchSize }, async (jobs) => {
          await Promise.all(jobs.map((job) => runJob(boss, handlers, name, job)));
        });
      }
    }
    working.add(boss);
  } catch (error) {
    await stopBoss(target);
    throw error;
  }
}

/**
 * Runs every job of a queue that is due now, in this process, then returns how many ran and how
 * many failed (failures stay in the queue for retry). For tests and scripts.
 */
export async function drainJobs(name: JobName): Promise<{ ran: number; failed: number }> {
  const handlers = registeredHandlers();
  const boss = await getBoss();
  let ran = 0;
  let failed = 0;
  for (;;) {
    const jobs = await boss.fetch(name, { batchSize: 50 });
    if (!jobs.length) return { ran, failed };
    for (const job of jobs) {
      ran += 1;
      if (await runJob(boss, handlers, name, job)) await boss.complete(name, job.id);
      else failed += 1;
    }
  }
}
