import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { database } from "./index";
import { prepareDatabase } from "./prepare";

/**
 * On the embedded database, migrate and seed on start. A server database is migrated by
 * `npm run db:migrate` and seeded only by `npm run db:seed`; the build never opens a database.
 */
export async function prepareEmbeddedDatabase(): Promise<void> {
  const settings = env();
  if (settings.DATABASE_URL || settings.NEXT_PHASE === "phase-production-build") return;
  const started = Date.now();
  const { seeded } = await prepareDatabase(database(), { seedDemo: settings.SEED_DEMO });
  log().info(`Embedded database ready in ${Date.now() - started} ms${seeded ? " (demo world seeded)" : ""}.`);
}
