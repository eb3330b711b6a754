import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pgDump } from "@electric-sql/pglite-tools/pg_dump";

/**
 * Backups of the embedded database as a plain SQL script (pg_dump's, built for PGlite), which
 * PGlite and a PostgreSQL server (15 and later) both load: the way from the embedded database to
 * a server, too. One process per database folder: stop the app before either.
 */

// No owners or grants: the database that loads it has roles of its own. pglite-tools adds
// `--inserts` (rows as INSERT statements, which PGlite loads in one go; COPY needs a client's stdin).
const DUMP_ARGS = ["--no-owner", "--no-privileges"];

/** What pg_dump 18 writes that an older server refuses (PostgreSQL 15 has no transaction_timeout); the default is the same. */
const NEWER_THAN_15 = /^SET transaction_timeout = 0;\n/m;

/** How a dump made by this code or by pg_dump starts, so restore can refuse any other file. */
const DUMP_HEADER = "-- PostgreSQL database dump";

/** The whole database (schema, data, the migrations journal and the job queue) as SQL. */
export async function dumpDatabase(client: PGlite): Promise<string> {
  const file = await pgDump({ pg: client, args: DUMP_ARGS });
  return (await file.text()).replace(NEWER_THAN_15, "");
}

/** Whether `text` is a plain-format dump of pg_dump's. */
export function isDump(text: string): boolean {
  return text.slice(0, 200).includes(DUMP_HEADER);
}

/** Every table of the database's own schemas (not PostgreSQL's), as "schema.table". */
export async function userTables(client: PGlite): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select table_schema || '.' || table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1`,
  );
  return rows.map((row) => row.name);
}

export class DatabaseNotEmptyError extends Error {
  constructor(readonly tables: number) {
    super(`the database already has ${tables} tables`);
    this.name = "DatabaseNotEmptyError";
  }
}

/**
 * Restores a dump into the embedded database folder `dir`. Refuses a folder whose database has
 * tables unless `force`. The dump is loaded into a new folder beside it, which takes the
 * folder's place only once the whole dump has loaded: a failed restore leaves the old database
 * as it was. Answers how many tables the restored database has.
 */
export async function restoreDatabase(dir: string, dump: string, options: { force?: boolean } = {}): Promise<{ tables: number }> {
  if (!isDump(dump)) throw new Error("not a plain SQL dump of pg_dump's (npm run db:backup writes one)");
  if (existsSync(dir) && !options.force) {
    const existing = await PGlite.create(dir);
    try {
      const tables = (await userTables(existing)).length;
      if (tables > 0) throw new DatabaseNotEmptyError(tables);
    } finally {
      await existing.close();
    }
  }
  const target = path.resolve(dir);
  mkdirSync(path.dirname(target), { recursive: true });
  const suffix = `${Date.now()}-${randomBytes(3).toString("hex")}`;
  const loading = `${target}.restoring-${suffix}`;
  let tables: number;
  try {
    const fresh = await PGlite.create(loading);
    try {
      await fresh.exec(dump);
      tables = (await userTables(fresh)).length;
    } finally {
      await fresh.close();
    }
  } catch (error) {
    rmSync(loading, { recursive: true, force: true });
    throw error;
  }
  const replaced = `${target}.replaced-${suffix}`;
  if (existsSync(target)) renameSync(target, replaced);
  renameSync(loading, target);
  rmSync(replaced, { recursive: true, force: true });
  return { tables };
}
