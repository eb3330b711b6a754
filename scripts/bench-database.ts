/**
 * What the benchmark scripts share: a database of their own on the PostgreSQL server of
 * DATABASE_URL (or a local server's default address), created fresh and dropped at the end, and
 * quantiles of the timings they print, and the case numbers of requests loaded with triggers off.
 */
import { randomBytes } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import postgres from "postgres";

export const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** The connection string of database `name` on the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A new database named `<prefix>_<time>_<random>` (or `reuse`, which a previous run kept; created
 * empty when it does not exist). `finish()` drops it unless told to keep it.
 */
export async function createBenchDatabase(prefix: string, reuse?: string) {
  const name = reuse ?? `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const exists = reuse ? (await admin`select 1 from pg_database where datname = ${reuse}`).length > 0 : false;
  if (!exists) await admin.unsafe(`create database ${name}`);
  return {
    name,
    url: databaseUrl(name),
    async finish(keep = false) {
      if (!keep) await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The p-quantile (0..1) of timings sorted ascending. */
export const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;

/**
 * Case numbers as the filing trigger gives them (per district and Shanghai year, in filing order),
 * with the counters set past them: for requests bulk-loaded with triggers off, each holding a
 * unique placeholder number (the column's default, '', is unique too).
 */
export async function numberRequestsInFilingOrder(exec: (query: SQL) => Promise<unknown>) {
  await exec(sql`update requests r set case_number = n.case_number
    from (select id, case_number_prefix(region_code) || '-' || y || '-' || lpad(k::text, greatest(5, length(k::text)), '0') as case_number
      from (select id, region_code, extract(year from submitted_at at time zone 'Asia/Shanghai')::int as y,
        row_number() over (partition by case_number_prefix(region_code), extract(year from submitted_at at time zone 'Asia/Shanghai') order by submitted_at, id) as k
        from requests) s) n
    where n.id = r.id`);
  await exec(sql`insert into case_number_counters (district, year, last)
    select case_number_prefix(region_code), extract(year from submitted_at at time zone 'Asia/Shanghai')::int, count(*) from requests group by 1, 2
    on conflict (district, year) do update set last = excluded.last`);
}
