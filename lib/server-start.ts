import { prepareEmbeddedDatabase } from "@/db/embedded";
import { env } from "@/lib/env";
import { registerJobHandlers, startWorkers } from "@/lib/jobs/queue";
import { jobHandlers } from "@/lib/jobs/registry";
import { tryNowThenRetry } from "@/lib/jobs/retry";
import { log } from "@/lib/log";
import { listenForPublicChanges } from "@/lib/public-cache/listen";
import { shutDownOnSignals } from "@/lib/shutdown";

/**
 * Start-up of a server process (never of the build): stopping cleanly on a signal, database ready,
 * cached public data following every change, then workers. The first attempt to start the workers is awaited (on PGlite the queue must start
 * before any request opens a transaction); if it fails, the site serves while the workers keep
 * trying with backoff, and jobs enqueued meanwhile wait in the queue.
 */
export async function startServerProcess(): Promise<void> {
  if (env().NEXT_PHASE === "phase-production-build") return;
  shutDownOnSignals();
  await prepareEmbeddedDatabase();
  await listenForPublicChanges();
  registerJobHandlers(jobHandlers);
  const { ok, done } = await tryNowThenRetry(() => startWorkers(), {
    onFailure: (error, attempt, retryInMs) =>
      log().error({ err: error, attempt, retryInMs }, `Background workers did not start (attempt ${attempt}); trying again in ${retryInMs / 1000} s`),
  });
  if (ok) log().info("Background workers started.");
  else void done.then(() => log().info("Background workers started."));
}
