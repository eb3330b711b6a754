import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openPostgres, pgliteDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedReferenceData } from "@/db/seed/reference";
import { prepareJobQueue } from "@/lib/jobs/queue";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { kind: "pglite"; dumpFile: string } | { kind: "postgres"; serverUrl: string; template: string };
  }
}

/**
 * Builds one migrated database with reference data per run; every test file then starts from its
 * own copy (a loaded PGlite dump, or a PostgreSQL database made from a template).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const template = `clcr_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${template}`);
    const url = new URL(serverUrl);
    url.pathname = `/${template}`;
    const database = openPostgres(url.toString(), { max: 1 });
    await migrateDatabase(database);
    await database.db.transaction((tx) => seedReferenceData(tx));
    await prepareJobQueue(database);
    await database.close();
    project.provide("testDatabase", { kind: "postgres", serverUrl, template });
    console.log(`Database tests run on PostgreSQL (fresh databases from ${template}).`);
    return async () => {
      const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${template + "%"}`;
      for (const row of rows) await admin.unsafe(`drop database if exists ${row.datname} with (force)`);
      await admin.end();
    };
  }
  const client = new PGlite();
  const database = pgliteDatabase(client);
  await migrateDatabase(database);
  await database.db.transaction((tx) => seedReferenceData(tx));
  await prepareJobQueue(database);
  const dump = await client.dumpDataDir("none");
  const dir = mkdtempSync(path.join(tmpdir(), "clcr-test-"));
  const dumpFile = path.join(dir, "migrated.tar");
  writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide("testDatabase", { kind: "pglite", dumpFile });
  console.log("Database tests run on PGlite (set DATABASE_URL to run them on PostgreSQL).");
  return () => rmSync(dir, { recursive: true, force: true });
}
