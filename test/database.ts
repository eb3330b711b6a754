import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { sql } from "drizzle-orm";
import { db, openPostgres, rowsOf, setDatabase, pgliteDatabase, type Database } from "@/db";
import { getBoss, registerJobHandlers } from "@/lib/jobs/queue";
import { jobHandlers } from "@/lib/jobs/registry";

/** A fresh, migrated database of its own (with regions and specialties); the caller closes it. */
export async function openFresh(): Promise<Database> {
  const config = inject("testDatabase");
  if (config.kind === "pglite") {
    const client = new PGlite({ loadDataDir: new Blob([readFileSync(config.dumpFile)]) });
    return pgliteDatabase(client);
  }
  const name = `${config.template}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(config.serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${config.template}`);
  await admin.end();
  const url = new URL(config.serverUrl);
  url.pathname = `/${name}`;
  return openPostgres(url.toString(), { max: 20 });
}

/**
 * A second, separate connection to the calling file's PostgreSQL test database (for tests of what
 * concurrent transactions see), or null on PGlite, which has one connection. Close it with end().
 */
export async function openSecondConnection(): Promise<postgres.Sql | null> {
  const config = inject("testDatabase");
  if (config.kind !== "postgres") return null;
  const [row] = rowsOf<{ name: string }>(await db.execute(sql`select current_database() as name`));
  const url = new URL(config.serverUrl);
  url.pathname = `/${row!.name}`;
  return postgres(url.toString(), { max: 1, onnotice: () => {} });
}

/**
 * Gives the calling test file its own fresh, migrated database (with regions and specialties)
 * as the process's `db`. Call once at the top of a *.db.test.ts file.
 */
export function useTestDatabase(): { current: () => Database } {
  let database: Database | undefined;
  beforeAll(async () => {
    registerJobHandlers(jobHandlers);
    database = await openFresh();
    setDatabase(database);
    // Start the job queue before any transaction: PGlite has one connection.
    await getBoss(database);
  });
  afterAll(async () => {
    if (database) await (await getBoss(database)).stop({ graceful: false, wait: true });
    setDatabase(undefined);
    await database?.close();
  });
  return {
    current: () => {
      if (!database) throw new Error("the test database is not open yet");
      return database;
    },
  };
}
