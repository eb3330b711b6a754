import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "./index";
import { migrateDatabase } from "./migrate";
import { seedDemoWorld } from "./seed/demo-world";
import { seedReferenceData } from "./seed/reference";

/** Whether the database has any account yet (an empty database gets the demo world). */
async function isEmpty(database: Database): Promise<boolean> {
  const rows = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from users`));
  return (rows[0]?.n ?? 0) === 0;
}

/**
 * Brings a database up to date: migrations, reference data, and (when asked and empty) the demo
 * world. Runs on start for the embedded database; on a server `npm run db:migrate` does it.
 */
export async function prepareDatabase(database: Database, options: { seedDemo: boolean }): Promise<{ seeded: boolean }> {
  await migrateDatabase(database);
  await database.db.transaction((tx) => seedReferenceData(tx));
  if (options.seedDemo && (await isEmpty(database))) {
    await seedDemoWorld(database.db);
    return { seeded: true };
  }
  return { seeded: false };
}
