/**
 * `npm run bench:filing [-- --concurrency 32 --seconds 20 --counties 1|3 --modes single,sharded,bare]`
 * (on the PostgreSQL server of DATABASE_URL, or a local one)
 *
 * Files requests through the real `fileRequest` (company members filing for their company,
 * station staff for walk-ins) from many concurrent workers, on a fresh database created here and
 * dropped at the end, in three modes one after the other in the same run:
 *   single   every filing adds to the same rollup rows (`clcr.rollup_shards = 1`, as before 0035)
 *   sharded  each filing adds to the rollup rows of a shard no other open filing holds
 *   bare     the same rows inserted in one statement, no triggers, checks or notifications: the ceiling
 * For each it prints requests/s, p50 and p99, the CPU time per filing of this process and of the
 * server's processes (steadier than requests/s on a shared machine), and checks: every answered filing is there exactly
 * once (none lost, none duplicated), case numbers are unique and gap-free per district and year,
 * and the rollups equal a full rebuild from the requests and the ledger (before and after the
 * compaction folds the shards).
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openPostgres, rowsOf, setDatabase, type Database } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedReferenceData } from "@/db/seed/reference";
import { loadActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { stopBoss } from "@/lib/jobs/queue";
import { compactRollups } from "@/lib/reports/compact-rollups";
import { fileRequest } from "@/lib/requests/file-request";
import type { FileRequestInput } from "@/lib/requests/schemas";
import { createBenchDatabase, quantile } from "./bench-database";

const { values: flags } = parseArgs({
  options: {
    concurrency: { type: "string", default: "32" },
    seconds: { type: "string", default: "20" },
    counties: { type: "string", default: "1" },
    modes: { type: "string", default: "single,sharded,bare" },
  },
});
const CONCURRENCY = Number(flags.concurrency);
const SECONDS = Number(flags.seconds);
const COUNTIES = ["330421", "310118", "320509"].slice(0, flags.counties === "3" ? 3 : 1);
const COMPANIES_PER_COUNTY = 60;

type Mode = "single" | "sharded" | "bare";
const MODES = flags.modes.split(",").filter((m): m is Mode => ["single", "sharded", "bare"].includes(m));
const bench = await createBenchDatabase("clcr_bench_filing");
const exec = async <T>(database: Database, query: ReturnType<typeof sql>) => rowsOf<T>(await database.db.execute(query));

/** A pool whose connections carry the mode's settings (set on the database, read when a connection opens). */
async function openMode(admin: Database, mode: Mode): Promise<Database> {
  await admin.db.execute(sql.raw(`alter database ${bench.name} set clcr.rollup_shards = ${mode === "single" ? 1 : 32}`));
  return openPostgres(bench.url, { max: CONCURRENCY + 2 });
}

/** Who files in each county: its companies' members, and its station's staff (for walk-ins). */
type Filers = Record<string, { companies: Actor[]; stations: Actor[] }>;

async function seed(admin: Database): Promise<Filers> {
  await migrateDatabase(admin);
  await admin.db.transaction((tx) => seedReferenceData(tx));
  for (const county of COUNTIES) {
    const town = `${county}001`;
    await exec(
      admin,
      sql`insert into users (email, password_hash, role, name, region_scope)
      values (${`admin-${county}@bench.example`}, '-', 'admin', ${`管理员${county}`}, ${county})`,
    );
    await exec(
      admin,
      sql`with e as (
        insert into enterprises (name, name_normalized, region_code, contact_name)
        select ${`企业${county}-`} || g, ${`企业${county}-`} || g, ${town}, '联系人' from generate_series(1, ${COMPANIES_PER_COUNTY}) g returning id, name)
      insert into users (email, password_hash, role, name, enterprise_id) select 'company-' || e.id || '@bench.example', '-', 'enterprise', e.name, e.id from e`,
    );
    await exec(
      admin,
      sql`with s as (insert into stations (name, region_code) values (${`服务站${county}`}, ${town}) returning id)
      insert into users (email, password_hash, role, name, station_id) select ${`station-${county}@bench.example`}, '-', 'station', '站点人员', s.id from s`,
    );
  }
  await exec(admin, sql`insert into users (email, password_hash, role, name) values ('admin@bench.example', '-', 'admin', '管理员')`);
  // Bare inserts go to copies of the tables (same columns, defaults and indexes; no triggers or foreign keys).
  for (const table of ["requests", "request_specialties", "request_counterparties", "events", "notifications"]) {
    await exec(admin, sql.raw(`create table bare_${table} (like ${table} including all)`));
  }
  const users = await exec<{ id: string; county: string; role: string }>(
    admin,
    sql`select u.id, left(coalesce(e.region_code, s.region_code), 6) as county, u.role from users u
      left join enterprises e on e.id = u.enterprise_id left join stations s on s.id = u.station_id
      where u.role in ('enterprise', 'station') order by u.email`,
  );
  setDatabase(admin);
  const loaded = await Promise.all(users.map(async (u) => ({ ...u, actor: (await loadActor(u.id))! })));
  return Object.fromEntries(
    COUNTIES.map((county) => {
      const of = (role: string) => loaded.filter((u) => u.county === county && u.role === role).map((u) => u.actor);
      return [county, { companies: of("enterprise"), stations: of("station") }];
    }),
  );
}

function inputFor(n: number, county: string, walkIn: boolean): FileRequestInput {
  return {
    title: `货款未付 ${n}`,
    category: "debt_collection",
    specialties: n % 3 === 0 ? ["debt_collection", "contract"] : ["debt_collection"],
    description: "2025 年起陆续供货，对方至今未付款。",
    counterparties: [{ name: `嘉兴（某）贸易 有限公司${n % 50}`, creditCode: undefined }],
    urgency: "normal",
    regionCode: `${county}001`,
    amountAtStakeFen: 128_000_050n + BigInt(n),
    ...(walkIn ? { enterprise: { name: `来访企业${n}`, contactName: "王", contactPhone: "13800000000" } } : {}),
  };
}

/** One bare filing: the rows a filing writes, in one statement, into the copies. */
async function bareFiling(database: Database, n: number, county: string, actor: Actor, key: string): Promise<void> {
  const id = randomUUID();
  await database.db.execute(sql`with r as (
      insert into bare_requests (id, case_number, title, category, description, urgency, region_code, amount_at_stake_fen, channel, enterprise_id, filed_by_user_id, idempotency_key)
      values (${id}, ${`BARE-${id}`}, ${`货款未付 ${n}`}, 'debt_collection', '-', 'normal', ${`${county}001`}, ${128_000_050 + n}, 'web', ${actor.enterpriseId}, ${actor.userId}, ${key}) returning id),
    s as (insert into bare_request_specialties (request_id, specialty_code) select id, 'debt_collection' from r),
    c as (insert into bare_request_counterparties (request_id, name, name_normalized) select id, '嘉兴某贸易有限公司', '嘉兴某贸易有限公司' from r),
    e as (insert into bare_events (type, entity_type, entity_id, request_id, actor_user_id, actor_role) select 'request.submitted', 'request', id, id, ${actor.userId}, 'enterprise' from r)
    insert into bare_notifications (user_id, kind, request_id) select ${actor.userId}, 'request.received', id from r`);
}

/**
 * CPU time (ms, by process) of the server processes serving the bench database, read from /proc
 * when the server runs on this machine (Linux, 100 clock ticks a second); null otherwise.
 */
async function serverCpu(admin: Database): Promise<Map<number, number> | null> {
  const pids = await exec<{ pid: number }>(admin, sql`select pid from pg_stat_activity where datname = current_database()`);
  const times = new Map<number, number>();
  for (const { pid } of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      times.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      return null;
    }
  }
  return times;
}

interface Outcome {
  mode: Mode;
  filed: Map<string, string>;
  failed: number;
  timings: number[];
  seconds: number;
  /** This process's CPU time (user and system) over the run, in ms: what a filing costs the app, whatever else the machine runs. */
  cpuMs: number;
  /** The same for the server's processes, when they can be read (see serverCpu). */
  serverCpuMs: number | null;
}

async function run(mode: Mode, database: Database, filers: Filers, warmUp: boolean, admin: Database): Promise<Outcome> {
  setDatabase(database);
  const filed = new Map<string, string>();
  const timings: number[] = [];
  let failed = 0;
  let counter = 0;
  const started = performance.now();
  const server = await serverCpu(admin);
  const cpu = process.cpuUsage();
  const until = warmUp ? Infinity : started + SECONDS * 1000;
  const quota = warmUp ? CONCURRENCY * 4 : Infinity;
  const worker = async (w: number) => {
    while (performance.now() < until && counter < quota) {
      const n = counter++;
      const county = COUNTIES[n % COUNTIES.length]!;
      // One filing in four is a station's walk-in (a new party record); the rest a company's own.
      const walkIn = mode !== "bare" && n % 4 === 3;
      const pool = walkIn ? filers[county]!.stations : filers[county]!.companies;
      const filer = pool[(n * 7 + w) % pool.length]!;
      const key = `${mode}-${warmUp ? "w" : "m"}-${n}`;
      const began = performance.now();
      try {
        if (mode === "bare") await bareFiling(database, n, county, filer, key);
        else filed.set(key, (await fileRequest(filer, inputFor(n, county, walkIn), { idempotencyKey: key })).id);
        timings.push(performance.now() - began);
      } catch (error) {
        failed += 1;
        if (failed <= 3)
          console.error(
            `  ${mode}:`,
            error instanceof Error ? String((error.cause as Error | undefined)?.message ?? error.message).slice(0, 300) : String(error),
          );
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  const { user, system } = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  const serverAfter = server && (await serverCpu(admin));
  const serverCpuMs = serverAfter && [...serverAfter].reduce((sum, [pid, ms]) => sum + ms - (server!.get(pid) ?? 0), 0);
  return { mode, filed, failed, timings: timings.sort((a, b) => a - b), seconds, cpuMs: (user + system) / 1000, serverCpuMs };
}

/** Answered filings missing from the table, and rows beyond one per answered filing. */
async function lostAndDuplicated(admin: Database, outcome: Outcome) {
  const rows = await exec<{ key: string; id: string }>(
    admin,
    sql`select idempotency_key as key, id::text from requests where idempotency_key like ${`${outcome.mode}-m-%`}`,
  );
  const found = new Map(rows.map((r) => [r.key, r.id]));
  const lost = [...outcome.filed].filter(([key, id]) => found.get(key) !== id).length;
  // A row its filer was told had failed would be filed again by a retry; two rows for one key are two filings.
  const unanswered = rows.filter((r) => !outcome.filed.has(r.key)).length;
  return { lost, duplicated: unanswered + rows.length - found.size };
}

/** Districts whose case numbers are not exactly 1..n, or whose counter does not stand at n. */
async function caseNumberFaults(admin: Database) {
  const rows = await exec<{ district: string; n: number; distinct_n: number; max: number; last: number }>(
    admin,
    sql`select split_part(case_number, '-', 1) as district, count(*)::int as n, count(distinct case_number)::int as distinct_n,
        max(split_part(case_number, '-', 3)::int) as max, c.last
      from requests q join case_number_counters c on c.district = split_part(q.case_number, '-', 1) and c.year = split_part(q.case_number, '-', 2)::int
      group by 1, c.last`,
  );
  return rows.filter((r) => r.n !== r.distinct_n || r.n !== r.max || r.max !== r.last).map((r) => r.district);
}

/** Whether the rollups (summed over shards) equal a rebuild from the requests and the ledger. */
async function rollupsEqualRebuild(admin: Database) {
  const snapshot = async () =>
    JSON.stringify(
      await exec(
        admin,
        sql`select dimension, key, month, region_code, sum(requests_filed)::text, sum(requests_resolved)::text, sum(disputes_opened)::text,
          sum(disputes_resolved)::text, sum(claimed_fen)::text, sum(recovered_fen)::text from report_rollups group by 1, 2, 3, 4
          having sum(requests_filed) <> 0 or sum(requests_resolved) <> 0 or sum(disputes_opened) <> 0 or sum(claimed_fen) <> 0 or sum(recovered_fen) <> 0
          order by 1, 2, 3, 4`,
      ),
    );
  const kept = await snapshot();
  const rows = (await exec<{ n: number }>(admin, sql`select count(*)::int as n from report_rollups`))[0]!.n;
  await compactRollups(admin.db);
  const compacted = await snapshot();
  const compactedRows = (await exec<{ n: number }>(admin, sql`select count(*)::int as n from report_rollups`))[0]!.n;
  await exec(admin, sql`select report_rollups_rebuild()`);
  const rebuilt = await snapshot();
  return { equal: kept === rebuilt, compactedEqual: compacted === rebuilt, rows, compactedRows };
}

const admin = openPostgres(bench.url, { max: 2 });
try {
  const filers = await seed(admin);
  await stopBoss(admin);
  console.log(
    `Filing: ${CONCURRENCY} concurrent workers, ${SECONDS} s per mode, ${COUNTIES.length} ${COUNTIES.length === 1 ? "county" : "counties"}.`,
  );
  const outcomes: Outcome[] = [];
  for (const mode of MODES) {
    const database = await openMode(admin, mode);
    await run(mode, database, filers, true, admin);
    outcomes.push(await run(mode, database, filers, false, admin));
    await stopBoss(database);
    await database.close();
  }
  setDatabase(admin);
  console.log("\nmode      requests/s     p50 ms    p99 ms   failed   lost   duplicated   CPU ms/filing: app  server");
  for (const o of outcomes) {
    const { lost, duplicated } = o.mode === "bare" ? { lost: 0, duplicated: 0 } : await lostAndDuplicated(admin, o);
    if (lost || duplicated) process.exitCode = 1;
    const rate = o.timings.length / o.seconds;
    console.log(
      `${o.mode.padEnd(8)} ${rate.toFixed(0).padStart(11)} ${quantile(o.timings, 0.5).toFixed(1).padStart(10)} ${quantile(o.timings, 0.99).toFixed(1).padStart(9)}` +
        `${String(o.failed).padStart(9)} ${String(lost).padStart(6)} ${String(duplicated).padStart(12)}` +
        `${(o.cpuMs / Math.max(1, o.timings.length)).toFixed(2).padStart(23)}` +
        `${o.serverCpuMs === null ? "      -" : (o.serverCpuMs / Math.max(1, o.timings.length)).toFixed(2).padStart(8)}`,
    );
  }
  const rate = (mode: Mode) => outcomes.filter((o) => o.mode === mode).map((o) => o.timings.length / o.seconds)[0];
  const [single, sharded, bare] = [rate("single"), rate("sharded"), rate("bare")];
  if (single && sharded) console.log(`\nsharded / single: ${(sharded / single).toFixed(2)}x`);
  if (sharded && bare) console.log(`sharded / bare ceiling: ${(sharded / bare).toFixed(2)}`);
  const faults = await caseNumberFaults(admin);
  console.log(`case numbers unique and gap-free: ${faults.length ? `NO (${faults.join(", ")})` : "yes"}`);
  const rollups = await rollupsEqualRebuild(admin);
  console.log(
    `rollups equal a full rebuild: ${rollups.equal ? "yes" : "NO"} (${rollups.rows} rows); after compaction: ${rollups.compactedEqual ? "yes" : "NO"} (${rollups.compactedRows} rows)`,
  );
  if (faults.length || !rollups.equal || !rollups.compactedEqual) process.exitCode = 1;
} finally {
  setDatabase(undefined);
  await stopBoss(admin);
  await admin.close();
  await bench.finish();
}
