import { sql } from "drizzle-orm";
import { db, rowsOf } from "@/db";

let tables: string[] | undefined;
/** The digest last computed for each table, by the table's state key: only changed tables are hashed again. */
const digestsByState = new Map<string, string>();

/**
 * A digest of every row of every application table, to tell whether a call wrote anything.
 * api_tokens.last_used_at is left out: identifying a caller by token stamps it, by design; and so
 * are auth_sessions, where the caller's own sign-in is recorded before it calls, and login_throttle,
 * where a wrong current password is counted like a failed sign-in.
 *
 * Hashing every row's text twice per refused call cost most of the access suite's time, so each
 * table is hashed again only when its state key moved: the row count and the sum of the rows'
 * `xmin` (an insert, an update or a delete changes one or the other). A write that changed no value
 * (a job rewriting a derived row as it was) moves the key but not the digest, as before.
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  tables ??= rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`),
  )
    .map((row) => row.name)
    .filter((name) => name !== "auth_sessions" && name !== "login_throttle")
    .sort();
  const keys = rowsOf<{ name: string; key: string }>(
    await db.execute(
      sql.join(
        tables.map(
          (table) =>
            sql`select ${table}::text as name, ${table} || ':' || count(*) || ':' || coalesce(sum(t.xmin::text::bigint), 0) as key from ${sql.identifier(table)} t`,
        ),
        sql` union all `,
      ),
    ),
  );
  const stale = keys.filter((row) => !digestsByState.has(row.key));
  if (stale.length) {
    const digests = stale.map(
      ({ name, key }) =>
        sql`select ${key}::text as key, md5(coalesce(string_agg(r.row, ',' order by r.row), '')) as digest
            from (select (to_jsonb(t) - 'last_used_at')::text as row from ${sql.identifier(name)} t) r`,
    );
    for (const row of rowsOf<{ key: string; digest: string }>(await db.execute(sql.join(digests, sql` union all `))))
      digestsByState.set(row.key, row.digest);
  }
  return Object.fromEntries(keys.map((row) => [row.name, digestsByState.get(row.key)!]));
}
