import { database, type Db } from "@/db";

/** What drizzle's `.prepare()` gives: the query's SQL, built once, run with its placeholders' values. */
interface PreparedQuery {
  execute(values?: Record<string, unknown>): Promise<unknown>;
}

const built = new WeakMap<Db, Map<string, PreparedQuery>>();

/**
 * A query built once per database and shape, then run with its values as placeholders. drizzle
 * builds a query's SQL afresh on every run, and for the large reads a signed-in page makes
 * (the actor, a case with its timeline) that building is most of the CPU the read costs; a
 * prepared query keeps its SQL and only fills in the values. `key` names the shape: every call
 * with one key must build the same SQL, so anything that changes the SQL belongs in the key and
 * every value in a placeholder. Kept per database, so a test's own database gets its own.
 */
export function prepared<Q extends PreparedQuery>(key: string, build: (handle: Db) => Q): Q {
  const handle = database().db;
  let queries = built.get(handle);
  if (!queries) built.set(handle, (queries = new Map()));
  let query = queries.get(key);
  if (!query) queries.set(key, (query = build(handle)));
  return query as Q;
}
