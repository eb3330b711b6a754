import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { pgliteDatabase, setDatabase } from "@/db";
import { getBoss, prepareJobQueue, stopBoss } from "@/lib/jobs/queue";
import { createAcceptedCase } from "@/test/accepted-case";
import { createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { fileAs } from "@/test/request-fixtures";
import { userTables } from "./backup";
import { prepareDatabase } from "./prepare";

// The commands as an operator runs them, on embedded database folders of their own.
const config = inject("testDatabase");
const dir = mkdtempSync(path.join(tmpdir(), "clcr-backup-"));
const original = path.join(dir, "original");
const restored = path.join(dir, "restored");
const dumpFile = path.join(dir, "backup.sql");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: "db-backup" | "db-restore", pgliteDir: string, args: string[]) {
  const { DATABASE_URL: _server, ...environment } = process.env;
  const result = spawnSync("npx", ["tsx", `scripts/${script}.ts`, ...args], { encoding: "utf8", env: { ...environment, PGLITE_DIR: pgliteDir } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

type Counts = Record<string, number>;

/** Rows of every table of the database's own schemas (the app's, the migrations journal, the job queue's). */
async function countRows(query: (text: string) => Promise<{ n: number }[]>, tables: string[]): Promise<Counts> {
  const counts: Counts = {};
  for (const table of tables) {
    const [schema, name] = table.split(".");
    counts[table] = (await query(`select count(*)::int as n from "${schema}"."${name}"`))[0]!.n;
  }
  return counts;
}

async function pgliteCounts(folder: string): Promise<Counts> {
  const client = await PGlite.create(folder);
  try {
    return await countRows(async (text) => (await client.query<{ n: number }>(text)).rows, await userTables(client));
  } finally {
    await client.close();
  }
}

let before: Counts;

describe("npm run db:backup and db:restore", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    // A database in use: migrated, reference data, the job queue, accounts, filed and accepted requests.
    const database = pgliteDatabase(await PGlite.create(original));
    setDatabase(database);
    try {
      await prepareDatabase(database, { seedDemo: false });
      await prepareJobQueue(database);
      await getBoss(database);
      const [enterprise, expert] = [await createEnterpriseActor(), await createExpertActor()];
      await fileAs(enterprise);
      await createAcceptedCase({ enterprise, expert });
    } finally {
      await stopBoss(database);
      setDatabase(undefined);
      await database.close();
    }
    before = await pgliteCounts(original);
  }, 180_000);

  it("backs the folder up to a plain SQL file only its owner may read", () => {
    const backup = run("db-backup", original, [dumpFile]);
    expect(backup.err).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/^Backed up .* \(\d+ tables, \d+ KiB\) to .*backup\.sql in \d+ ms\.$/m);
    expect(statSync(dumpFile).mode & 0o777).toBe(0o600);
    const dump = readFileSync(dumpFile, "utf8");
    expect(dump).toContain("-- PostgreSQL database dump");
    expect(dump).toMatch(/^INSERT INTO public\.users /m);
    expect(dump).not.toMatch(/OWNER TO|^GRANT |transaction_timeout/m);
  });

  it("restores it into a new folder with every row of every table", async () => {
    const restore = run("db-restore", restored, [dumpFile]);
    expect(restore.err).toBe("");
    expect(restore.code).toBe(0);
    const after = await pgliteCounts(restored);
    expect(before["public.users"]).toBeGreaterThan(1);
    expect(before["public.requests"]).toBeGreaterThanOrEqual(2);
    expect(before["pgboss.job"]).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it("refuses to restore over a database that has tables, unless --force", async () => {
    const refused = run("db-restore", restored, [dumpFile]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("--force");
    const forced = run("db-restore", restored, [dumpFile, "--force"]);
    expect(forced.err).toBe("");
    expect(forced.code).toBe(0);
    expect(await pgliteCounts(restored)).toEqual(before);
  });

  it("refuses a file that is not a dump, and leaves the database as it was", async () => {
    const notADump = path.join(dir, "notes.sql");
    writeFileSync(notADump, "drop table users;\n");
    const refused = run("db-restore", restored, [notADump, "--force"]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("not a plain SQL dump");
    expect(await pgliteCounts(restored)).toEqual(before);
  });

  // PostgreSQL 15 is what the servers run: the dump is also the way from the embedded database to a server.
  it.runIf(config.kind === "postgres")("loads into a new database on the PostgreSQL server with every row", async () => {
    if (config.kind !== "postgres") return;
    const name = `clcr_restore_${Date.now()}_${randomBytes(3).toString("hex")}`;
    const admin = postgres(config.serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = Object.assign(new URL(config.serverUrl), { pathname: `/${name}` }).toString();
    const server = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await server.unsafe(readFileSync(dumpFile, "utf8"));
      const tables = await server<{ name: string }[]>`
        select table_schema || '.' || table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1`;
      const counts = await countRows(
        (text) => server.unsafe<{ n: number }[]>(text),
        [...tables].map((t) => t.name),
      );
      expect(counts).toEqual(before);
    } finally {
      await server.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
