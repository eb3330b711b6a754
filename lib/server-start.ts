import { prepareEmbeddedDatabase } from "@/db/embedded";
import { env } from "@/lib/env";
import { startWorkers } from "@/lib/jobs/queue";

/** Start-up of a server process (never of the build): database ready, then workers. */
export async function startServerProcess(): Promise<void> {
  if (env().NEXT_PHASE === "phase-production-build") return;
  await prepareEmbeddedDatabase();
  try {
    await startWorkers();
  } catch (error) {
    // The site stays up without workers; deadlines are also enforced when offers are answered.
    console.error("Background workers did not start", error);
  }
}
