/**
 * The SQL an app function sends, taken by running it once on a recording connection: what the
 * bare server replays and what the EXPLAIN check reads. Taken from the app's own code on every run,
 * so there is no second copy of any query to drift from it.
 */
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { database, schema, setDatabase, type Database, type Db } from "@/db";

export interface Statement {
  text: string;
  /** As sent, in JSON (a bigint as its digits, a date as its ISO string). */
  params: unknown[];
  /**
   * Which round trip it belongs to: statements sent before any earlier one answered share one
   * (the app awaited them together), so the bare server waits as many times as the app did.
   */
  wait: number;
  /** Sent inside a transaction (a write): replayed there too. */
  inTransaction: boolean;
}

const toJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));

/** Runs `work` with the process's database replaced by a recording one; returns what it sent and its result. */
export async function captureStatements<T>(url: string, work: () => Promise<T>): Promise<{ statements: Statement[]; result: T }> {
  const statements: Statement[] = [];
  let wait = 0;
  let answered = false;
  const record = (text: string, params: unknown[] | undefined, inTransaction: boolean) => {
    if (answered) {
      wait += 1;
      answered = false;
    }
    statements.push({ text, params: (toJson(params ?? []) as unknown[]) ?? [], wait, inTransaction });
  };
  type Client = postgres.Sql | postgres.TransactionSql;
  const recording = <C extends Client>(client: C, inTransaction: boolean): C =>
    new Proxy(client, {
      get(target, property, receiver) {
        if (property === "unsafe") {
          return (text: string, params?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) => {
            record(text, params, inTransaction);
            const query = target.unsafe(text, params, options);
            // drizzle calls .values() and then awaits: note when the answer came.
            const watched: object = new Proxy(query, {
              get(q, name) {
                if (name === "values") return () => (q.values(), watched);
                if (name === "then") {
                  return (onFulfilled?: (v: unknown) => unknown, onRejected?: (e: unknown) => unknown) =>
                    q.then(
                      (v) => ((answered = true), onFulfilled ? onFulfilled(v) : v),
                      (e: unknown) => {
                        answered = true;
                        if (onRejected) return onRejected(e);
                        throw e;
                      },
                    );
                }
                const value = Reflect.get(q, name, q) as unknown;
                return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(q) : value;
              },
            });
            return watched;
          };
        }
        if (property === "begin" || property === "savepoint") {
          const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
          return (...args: unknown[]) => {
            const work = args.pop() as (tx: postgres.TransactionSql) => unknown;
            return open.call(target, ...args, (tx: postgres.TransactionSql) => work(recording(tx, true)));
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  const client = postgres(url, { max: 4, onnotice: () => {} });
  const db = drizzle(recording(client, false), { schema }) as unknown as Db;
  const recorder: Database = { db, kind: "postgres", url, close: () => client.end() };
  const previous = database();
  setDatabase(recorder);
  try {
    const result = await work();
    return { statements, result };
  } finally {
    setDatabase(previous);
    await client.end();
  }
}
