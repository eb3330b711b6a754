// npm run db:restore -- <file> [--force]
// Loads a dump of `npm run db:backup` (or any plain pg_dump) into the embedded database (PGLITE_DIR).
// Refuses a database that has tables unless --force; the old one is replaced only once the dump has loaded.
// Stop the app first: one process per database folder. A server database is restored with psql.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DatabaseNotEmptyError, restoreDatabase } from "@/db/backup";
import { env } from "@/lib/env";

const USAGE = "usage: npm run db:restore -- <file> [--force]";

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let parsed: { values: { force?: boolean }; positionals: string[] };
try {
  parsed = parseArgs({ options: { force: { type: "boolean" } }, allowPositionals: true });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
const [file, ...extra] = parsed.positionals;
if (!file || extra.length) fail(USAGE, 2);
const settings = env();
if (settings.DATABASE_URL) fail("DATABASE_URL names a PostgreSQL server: restore it with psql (README, Running it for real).", 2);

let dump: string;
try {
  dump = readFileSync(file, "utf8");
} catch (error) {
  fail(`Cannot read ${file}: ${(error as Error).message}`, 2);
}
const started = Date.now();
try {
  const { tables } = await restoreDatabase(settings.PGLITE_DIR, dump, { force: parsed.values.force });
  console.log(`Restored ${file} into ${settings.PGLITE_DIR} (${tables} tables) in ${Date.now() - started} ms.`);
} catch (error) {
  if (error instanceof DatabaseNotEmptyError) {
    fail(
      `${settings.PGLITE_DIR} already holds a database (${error.tables} tables). Restore over it with --force (it is replaced once the dump has loaded).`,
    );
  }
  fail(`Restore failed, the database is as it was: ${(error as Error).message}`);
}
