import { database, type Database } from "@/db";
import { stopBoss } from "@/lib/jobs/queue";
import { log } from "@/lib/log";

/** How long the jobs this process is running get to finish when it stops (then they are failed, and retried elsewhere). */
export const JOB_GRACE_MS = 10_000;
/** How long queries still running get before the database connections are closed. */
export const DATABASE_CLOSE_SECONDS = 5;

/**
 * Stops this process's background work, then its database: the job workers take no new job and
 * get `graceMs` to finish those they hold, then the pool closes (PGlite: the database is closed,
 * so its files are left consistent). Never throws for the queue: the database closes regardless.
 */
export async function shutDown(target: Database = database(), options: { graceMs?: number; closeSeconds?: number } = {}): Promise<void> {
  const { graceMs = JOB_GRACE_MS, closeSeconds = DATABASE_CLOSE_SECONDS } = options;
  try {
    await stopBoss(target, { graceMs });
  } catch (error) {
    log().error({ err: error }, "The job queue did not stop cleanly.");
  }
  await target.close({ timeoutSeconds: closeSeconds });
}

const holder = globalThis as unknown as { __clcrShutdownInstalled?: boolean };

/**
 * On SIGTERM or SIGINT (a service manager stopping the app, Ctrl-C): shut down, then exit 0; a
 * shutdown that overruns its time exits 1. Under `next start`, Next.js exits on these signals by
 * itself unless NEXT_MANUAL_SIG_HANDLE is set (`npm start` sets it). Installs once per process;
 * answers how to take it away again (tests).
 */
export function shutDownOnSignals(): () => void {
  if (holder.__clcrShutdownInstalled) return () => {};
  holder.__clcrShutdownInstalled = true;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // `npm start` passes a signal on to the app as well, so one Ctrl-C or one stop arrives twice.
    if (stopping) return;
    stopping = true;
    log().info({ signal }, "Shutting down: background workers first, then the database.");
    const overrun = setTimeout(
      () => {
        log().error("Shutting down took too long: exiting now.");
        process.exit(1);
      },
      JOB_GRACE_MS + DATABASE_CLOSE_SECONDS * 1000 + 5_000,
    );
    overrun.unref();
    shutDown()
      .then(
        () => {
          log().info("Stopped.");
          process.exit(0);
        },
        (error: unknown) => {
          log().error({ err: error }, "Shutting down failed.");
          process.exit(1);
        },
      )
      .finally(() => clearTimeout(overrun));
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  return () => {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    holder.__clcrShutdownInstalled = false;
  };
}
