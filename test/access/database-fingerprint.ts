import { sql } from "drizzle-orm";
import { db, rowsOf } from "@/db";

let tables: string[] | undefined;

/**
 * A digest of every row of every application table, to tell whether a call wrote anything.
 * api_tokens.last_used_at is left out: identifying a caller by token stamps it, by design; and so
 * are auth_sessions, where the caller's own sign-in is recorded before it calls, and login_throttle,
 * where a wrong current password is counted like a failed sign-in.
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  tables ??= rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`),
  )
    .map((row) => row.name)
    .filter((name) => name !== "auth_sessions" && name !== "login_throttle")
    .sort();
  const digests = tables.map(
    (table) =>
      sql`select ${table}::text as name, md5(coalesce(string_agg(r.row, ',' order by r.row), '')) as digest
          from (select (to_jsonb(t) - 'last_used_at')::text as row from ${sql.identifier(table)} t) r`,
  );
  const rows = rowsOf<{ name: string; digest: string }>(await db.execute(sql.join(digests, sql` union all `)));
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}
