import type { DbOrTx } from "@/db";

type RawClient = {
  unsafe?: (text: string, values: unknown[]) => Promise<unknown[]>;
  query?: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>;
  exec?: (text: string) => Promise<{ rows: unknown[] }[]>;
};

/**
 * The raw client behind a drizzle handle or transaction, as the `{ executeSql }` adapter pg-boss
 * takes. Given a transaction, jobs are enqueued inside it: they exist exactly when the change does.
 */
export function sqlAdapter(handle: DbOrTx): { executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } {
  const internals = handle as unknown as { session?: { client?: RawClient }; $client?: RawClient };
  const client = internals.session?.client ?? internals.$client;
  if (client?.unsafe) {
    const unsafe = client.unsafe.bind(client);
    // node-postgres (pg-boss's own driver) sends undefined as null and plain objects as JSON; postgres.js wants both spelled out.
    const toParam = (v: unknown) =>
      v === undefined ? null : v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype ? JSON.stringify(v) : v;
    return { executeSql: async (text, values) => ({ rows: await unsafe(text, (values ?? []).map(toParam)) }) };
  }
  if (client?.query && client.exec) {
    const query = client.query.bind(client);
    const exec = client.exec.bind(client);
    // PGlite prepares parameterised statements; pg-boss's multi-statement scripts take exec.
    return { executeSql: async (text, values) => (values?.length ? query(text, values) : { rows: (await exec(text)).at(-1)?.rows ?? [] }) };
  }
  throw new Error("unsupported database client for the job queue");
}
