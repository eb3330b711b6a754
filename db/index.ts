import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

/** The one database handle type: the same query code runs on PGlite and on PostgreSQL. */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the handle or an open transaction: use cases take this so callers can compose them. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

/** Opens a PostgreSQL server through postgres.js. */
export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  return { db: drizzlePostgres(client, { schema }), kind: "postgres", close: () => client.end() };
}

/** Wraps an embedded PGlite instance (one connection: never use db inside a transaction). */
export function pgliteDatabase(client: PGlite): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}

function openFromEnv(): Database {
  const { DATABASE_URL, PGLITE_DIR } = env();
  if (DATABASE_URL) return openPostgres(DATABASE_URL);
  // PGlite does not create parent directories, and has no lock: one process per directory.
  mkdirSync(PGLITE_DIR, { recursive: true });
  return pgliteDatabase(new PGlite(PGLITE_DIR));
}

// One database per process, kept on globalThis so hot reloads and separate module graphs share it.
const holder = globalThis as unknown as { __clcrDatabase?: Database };

/** The process's database, opened on first use from the environment. */
export function database(): Database {
  holder.__clcrDatabase ??= openFromEnv();
  return holder.__clcrDatabase;
}

/** Replaces the process's database (tests give each file its own). */
export function setDatabase(next: Database | undefined): void {
  holder.__clcrDatabase = next;
}

/** The one db handle. Resolved on each access, so it follows setDatabase. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const target = database().db;
    const value = Reflect.get(target, property, target) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  },
});

/** Rows of a raw `execute()`: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export { schema };
