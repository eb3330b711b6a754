// npm run db:backup [-- <file>]
// Writes the embedded database (PGLITE_DIR) as a plain SQL dump that PGlite and PostgreSQL 15+ load.
// Stop the app first: one process per database folder. A server database is backed up with pg_dump.
import { existsSync, renameSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { dumpDatabase, userTables } from "@/db/backup";
import { env } from "@/lib/env";

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const settings = env();
if (settings.DATABASE_URL) fail("DATABASE_URL names a PostgreSQL server: back it up with pg_dump (README, Running it for real).", 2);
if (!existsSync(settings.PGLITE_DIR)) fail(`No embedded database in ${settings.PGLITE_DIR} (PGLITE_DIR).`, 2);

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const file = process.argv[2] ?? `roster-backup-${stamp}.sql`;
const started = Date.now();
const client = await PGlite.create(settings.PGLITE_DIR);
try {
  const dump = await dumpDatabase(client);
  const tables = (await userTables(client)).length;
  // It holds password hashes and personal data: readable by its owner only, and never half written.
  writeFileSync(`${file}.partial`, dump, { mode: 0o600 });
  renameSync(`${file}.partial`, file);
  console.log(`Backed up ${settings.PGLITE_DIR} (${tables} tables, ${Math.round(dump.length / 1024)} KiB) to ${file} in ${Date.now() - started} ms.`);
} finally {
  await client.close();
}
