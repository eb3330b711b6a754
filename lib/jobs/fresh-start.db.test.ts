import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterEach, describe, expect, inject, it } from "vitest";
import { database as currentDatabase, openPostgres, pgliteDatabase, rowsOf, setDatabase, type Database } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { enqueue, getBoss, prepareJobQueue, registerJobHandlers, startWorkers, stopBoss } from "./queue";
import { jobHandlers } from "./registry";

/**
 * The first start of the app on a database nobody has used: the queue must start on the app's own
 * (pooled) connection settings, and a start that failed must not be the answer for ever after.
 */
const config = inject("testDatabase");
registerJobHandlers(jobHandlers);
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A new, empty database on the server, dropped after the test: its URL. */
async function emptyServerDatabase(serverUrl: string, template?: string): Promise<string> {
  const name = `clcr_fresh_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ""}`);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Opens a database as the app would and makes it the process's; closed (queue first) after the test. */
function use(database: Database): Database {
  setDatabase(database);
  cleanups.push(async () => {
    await stopBoss(database);
    setDatabase(undefined);
    await database.close();
  });
  return database;
}

const jobState = async (id: string) =>
  rowsOf<{ state: string }>(await currentDatabase().db.execute(sql`select state from pgboss.job where data->>'note' = ${id}`))[0]?.state;

// Each test builds an empty database from nothing (migrations and the queue's own schema): on a
// shared, loaded machine that alone can take most of the default 30 s, so these get longer.
describe("the job queue on a fresh database", { timeout: 120_000 }, () => {
  it("starts after migrating on the app's pooled connection, runs its maintenance, and works a job", async () => {
    const url = config.kind === "postgres" ? await emptyServerDatabase(config.serverUrl) : null;
    // The app's handle: a pool of ten on a server (postgres.js refuses `BEGIN … COMMIT` scripts on it).
    const app = use(url ? openPostgres(url, { max: 10 }) : pgliteDatabase(new PGlite()));
    // What `npm run db:migrate` does; on a server, on a connection of its own.
    const migrating = url ? openPostgres(url, { max: 1 }) : app;
    await migrateDatabase(migrating);
    await prepareJobQueue(migrating);
    if (migrating !== app) await migrating.close();

    await startWorkers(app);
    const boss = await getBoss(app);
    // Maintenance (expiring lost jobs, archiving) is pg-boss's `BEGIN … COMMIT` scripts.
    await expect(boss.maintain()).resolves.not.toThrow();

    const note = `fresh-${randomBytes(4).toString("hex")}`;
    await app.db.transaction((tx) => enqueue(tx, "system.noop", { note }));
    await expect.poll(() => jobState(note), { timeout: 15_000, interval: 250 }).toBe("completed");
  });

  it("tries again after a failed start instead of keeping the failure", async () => {
    let app: Database;
    let makeReachable: () => Promise<void>;
    if (config.kind === "postgres") {
      // A database that does not exist yet: the first start fails as on a server still coming up.
      const name = `clcr_late_${Date.now()}_${randomBytes(3).toString("hex")}`;
      const url = new URL(config.serverUrl);
      url.pathname = `/${name}`;
      app = use(openPostgres(url.toString(), { max: 10 }));
      makeReachable = async () => {
        const admin = postgres(config.serverUrl, { max: 1, onnotice: () => {} });
        await admin.unsafe(`create database ${name} template ${config.template}`);
        cleanups.unshift(async () => {
          await admin.unsafe(`drop database if exists ${name} with (force)`);
          await admin.end();
        });
      };
    } else {
      // PGlite cannot be unreachable; its first script fails instead.
      const client = new PGlite();
      let failNext = true;
      const flaky = new Proxy(client, {
        get(target, property) {
          const value = Reflect.get(target, property, target) as unknown;
          if (property === "exec" && failNext) {
            return () => {
              failNext = false;
              return Promise.reject(new Error("connection lost"));
            };
          }
          return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      app = use(pgliteDatabase(flaky));
      makeReachable = async () => {};
    }

    await expect(getBoss(app)).rejects.toThrow();
    await makeReachable();
    await expect(getBoss(app)).resolves.toBeDefined();
    // Writes that enqueue work again without a restart.
    await app.db.transaction((tx) => enqueue(tx, "system.noop", { note: "after-recovery" }));
    expect(await jobState("after-recovery")).toBe("created");
  });
});
