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
  /** The server's connection string (PostgreSQL only): the job queue opens its own connections from it. */
  url?: string;
  /** Closes the connections; on a server, queries still running get `timeoutSeconds` (unset: as long as they take). */
  close(options?: { timeoutSeconds?: number }): Promise<void>;
}

/**
 * Opens a PostgreSQL server through postgres.js. postgres.js replaces each connection after 30 to 60
 * minutes; `keepConnections` keeps them for as long as the handle is open, for work longer than that
 * which relies on what a session holds (temporary tables, session settings).
 */
export function openPostgres(url: string, options: { max?: number; keepConnections?: boolean } = {}): Database {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {}, ...(options.keepConnections ? { max_lifetime: null } : {}) });
  return {
    db: drizzlePostgres(preparing(client), { schema }),
    kind: "postgres",
    url,
    close: (closing) => client.end({ timeout: closing?.timeoutSeconds }),
  };
}

type Client = postgres.Sql | postgres.TransactionSql;

/**
 * drizzle asks postgres.js not to prepare its queries, so each query with parameters costs an extra
 * round trip (to describe the parameters) and is planned afresh every time. This gives them
 * postgres.js's own default back: each statement is prepared once per connection. Only statements
 * with parameters, which are always single statements (a migration file may hold several).
 */
function preparing<T extends Client>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: postgres.ParameterOrJSON<never>[], queryOptions?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, parameters, parameters?.length ? { ...queryOptions, prepare: true } : queryOptions);
      }
      if (property === "begin" || property === "savepoint") {
        // begin([options], work) and savepoint([name], work): the transaction's client prepares too.
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const work = args.pop() as (tx: postgres.TransactionSql) => unknown;
          return open.call(target, ...args, (tx: postgres.TransactionSql) => work(preparing(tx)));
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
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
