import { sql, type SQL } from "drizzle-orm";
import { db, rowsOf, type Database } from "@/db";

type Method = (...args: unknown[]) => unknown;

/**
 * The statements the database is sent while `work` runs, seen at the driver beneath drizzle
 * (postgres.js's unsafe and begin, PGlite's query, exec and transaction): each is one round trip
 * to a server. A transaction shows as one "begin" entry. The job queue holds its own client and is
 * not counted. `parameters` holds each statement's parameters (to explain it again).
 */
export async function statementsDuring<T>(
  database: Database,
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[]; parameters: unknown[][] }> {
  const client = (database.db as unknown as { $client: Record<string, Method> }).$client;
  const methods = database.kind === "postgres" ? ["unsafe", "begin"] : ["query", "exec", "transaction"];
  const statements: string[] = [];
  const parameters: unknown[][] = [];
  const originals = new Map<string, { own: boolean; method: Method }>();
  for (const name of methods) {
    // An own property is read past any proxy around the client (db/index.ts wraps postgres.js's unsafe).
    const own = Object.getOwnPropertyDescriptor(client, name)?.value as Method | undefined;
    const method = own ?? client[name]!;
    originals.set(name, { own: own !== undefined, method });
    client[name] = function (this: unknown, ...args: unknown[]) {
      statements.push(typeof args[0] === "string" ? args[0] : name);
      parameters.push(Array.isArray(args[1]) ? (args[1] as unknown[]) : []);
      return method.apply(this, args);
    };
  }
  try {
    return { result: await work(), statements, parameters };
  } finally {
    for (const [name, { own, method }] of originals) {
      if (own) client[name] = method;
      else delete client[name];
    }
  }
}

/**
 * The plan of a statement `statementsDuring` saw (its text and parameters), as EXPLAIN prints it.
 * With `withoutSeqScans`, sequential scans are priced out, as the benchmark's EXPLAIN check does
 * on a small database: one still chosen means no index serves the statement.
 */
export async function planOf(text: string, parameters: unknown[], options: { withoutSeqScans?: boolean } = {}): Promise<string> {
  const parts = text.split(/\$(\d+)/);
  return planOfQuery(sql.join(parts.map((part, i) => (i % 2 ? sql`${parameters[Number(part) - 1]}` : sql.raw(part)))), options);
}

/** The same, for a statement built with drizzle's sql (one the code under test exports). */
export async function planOfQuery(statement: SQL, options: { withoutSeqScans?: boolean } = {}): Promise<string> {
  return db.transaction(async (tx) => {
    if (options.withoutSeqScans) await tx.execute(sql`set local enable_seqscan = off`);
    const rows = rowsOf<Record<string, string>>(await tx.execute(sql`explain ${statement}`));
    return rows.map((row) => Object.values(row)[0]).join("\n");
  });
}
