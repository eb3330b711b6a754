import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db, setDatabase, type Database } from "@/db";
import { openFresh } from "@/test/database";
import { enqueue, getBoss, isQueueStarted, registerJobHandlers, startWorkers } from "./jobs/queue";
import { jobHandlers } from "./jobs/registry";
import { shutDown, shutDownOnSignals } from "./shutdown";

// Each test opens a database of its own, starts the workers on it as a server process does, and shuts it down.
afterAll(() => {
  registerJobHandlers(jobHandlers);
  setDatabase(undefined);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A running server process in miniature: its database, its workers, and a job that takes `jobMs` (or never ends). */
async function runningProcess(jobMs: number | "never") {
  const database = await openFresh();
  setDatabase(database);
  let jobStarted!: () => void;
  const started = new Promise<void>((resolve) => (jobStarted = resolve));
  const job = { finished: false, queryAtEnd: "" };
  registerJobHandlers({
    ...jobHandlers,
    "system.noop": async () => {
      jobStarted();
      // A job that never ends: were it to end after the database closed, pg-boss would fail to mark it done.
      await (jobMs === "never" ? new Promise(() => {}) : sleep(jobMs));
      // A job that finishes within the grace still has its database.
      await db.execute(sql`select 1`).then(
        () => (job.queryAtEnd = "answered"),
        () => (job.queryAtEnd = "failed"),
      );
      job.finished = true;
    },
  });
  await startWorkers(database);
  await enqueue(database.db, "system.noop", { note: "held open" });
  await started;
  return { database, job, boss: await getBoss(database) };
}

async function isClosed(database: Database): Promise<boolean> {
  return database.db.execute(sql`select 1`).then(
    () => false,
    () => true,
  );
}

describe("shutting down a server process", { timeout: 60_000 }, () => {
  it("lets the running job finish, stops the queue, then closes the database", async () => {
    const { database, job, boss } = await runningProcess(700);
    let stoppedEvent = false;
    boss.once("stopped", () => (stoppedEvent = true));
    await shutDown(database, { graceMs: 5_000, closeSeconds: 1 });
    expect(job).toEqual({ finished: true, queryAtEnd: "answered" });
    expect(stoppedEvent).toBe(true);
    expect(await isQueueStarted(database)).toBe(false);
    expect(await isClosed(database)).toBe(true);
  });

  it("waits no longer than the grace for a job that overruns it", async () => {
    const { database, job } = await runningProcess("never");
    const started = Date.now();
    await shutDown(database, { graceMs: 1_000, closeSeconds: 1 });
    // pg-boss looks every half second; the job is failed then, so a worker elsewhere retries it.
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(job.finished).toBe(false);
    expect(await isQueueStarted(database)).toBe(false);
    expect(await isClosed(database)).toBe(true);
  });

  it("does it on SIGTERM, then exits 0", async () => {
    const { database, job } = await runningProcess(300);
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    const uninstall = shutDownOnSignals();
    try {
      process.emit("SIGTERM");
      await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0), { timeout: 15_000, interval: 100 });
      expect(job).toEqual({ finished: true, queryAtEnd: "answered" });
      expect(await isQueueStarted(database)).toBe(false);
      expect(await isClosed(database)).toBe(true);
    } finally {
      uninstall();
      exit.mockRestore();
    }
  });
});
