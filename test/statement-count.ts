import type { Database } from "@/db";

type Method = (...args: unknown[]) => unknown;

/**
 * The statements the database is sent while `work` runs, seen at the driver beneath drizzle
 * (postgres.js's unsafe and begin, PGlite's query, exec and transaction): each is one round trip
 * to a server. A transaction shows as one "begin" entry. The job queue holds its own client and is
 * not counted.
 */
export async function statementsDuring<T>(database: Database, work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const client = (database.db as unknown as { $client: Record<string, Method> }).$client;
  const methods = database.kind === "postgres" ? ["unsafe", "begin"] : ["query", "exec", "transaction"];
  const statements: string[] = [];
  const originals = new Map<string, { own: boolean; method: Method }>();
  for (const name of methods) {
    // An own property is read past any proxy around the client (db/index.ts wraps postgres.js's unsafe).
    const own = Object.getOwnPropertyDescriptor(client, name)?.value as Method | undefined;
    const method = own ?? client[name]!;
    originals.set(name, { own: own !== undefined, method });
    client[name] = function (this: unknown, ...args: unknown[]) {
      statements.push(typeof args[0] === "string" ? args[0] : name);
      return method.apply(this, args);
    };
  }
  try {
    return { result: await work(), statements };
  } finally {
    for (const [name, { own, method }] of originals) {
      if (own) client[name] = method;
      else delete client[name];
    }
  }
}
