/**
 * `npm run bench:reports` (on the PostgreSQL server of DATABASE_URL, or a local one)
 *
 * Ten years of a busy law society on a fresh database created here and dropped at the end:
 * 100,000 requests, 1,000,000 disputes and 2,000,000 ledger entries (reversals included), offers,
 * ratings and return visits. A few hundred real writes then go through the use cases (so the
 * rollup triggers run at this size). For every dashboard query it prints p50/p95 of the query as
 * the app runs it, the time of the same figures computed by a full scan of the base tables
 * (index scans switched off), the ratio, and whether the two answers are identical to the fen.
 * Targets: p95 <= 10 ms and at least 7x faster than the full scan, with identical figures.
 * `BENCH_REUSE_DB=clcr_bench_1 npm run bench:reports` measures `npm run bench`'s full-scale world
 * instead (10,000,000 disputes, 20,000,000 ledger entries), as its own admin; with BENCH_FULL_RUNS=0
 * it times the app's queries without the full scans (tens of seconds each at that size).
 */
import { sql } from "drizzle-orm";
import { openPostgres, rowsOf, setDatabase, type DbOrTx } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedReferenceData } from "@/db/seed/reference";
import type { Actor } from "@/lib/authz";
import { recordRecovery } from "@/lib/disputes/record-recovery";
import { reverseRecovery } from "@/lib/disputes/reverse-recovery";
import { updateDispute } from "@/lib/disputes/update-dispute";
import { getBoss } from "@/lib/jobs/queue";
import { acceptTimes, acceptTimesFromRequests } from "@/lib/reports/accept-times";
import {
  caseloadPerExpert,
  deadlineBreaches,
  deadlineBreachesFromOffers,
  declinedOffers,
  declinedOffersFromOffers,
  satisfaction,
  satisfactionFromRequests,
} from "@/lib/reports/dashboard";
import { forgetKeptRankings } from "@/lib/reports/compacted-ranking";
import { byRank, figuresFromLedger, figuresFromRollups, hasFigures, type FigureDimension } from "@/lib/reports/figures";
import { reportRowsPage } from "@/lib/reports/get-report";
import { makePeriod } from "@/lib/reports/period";
import { reportScope, type ReportScope } from "@/lib/reports/scope";
import { createBenchDatabase, numberRequestsInFilingOrder, quantile } from "./bench-database";

const REQUESTS = 100_000;
const DISPUTES = 1_000_000;
const ORIGINAL_ENTRIES = 1_950_000;
const REVERSALS = 50_000;
const RUNS = 60;
const WARMUP = 10;
// BENCH_FULL_RUNS=0 measures the app's queries only (at full scale one full scan takes tens of seconds).
const FULL_RUNS = Number(process.env.BENCH_FULL_RUNS ?? 3);
const WRITES = 300;

// BENCH_REUSE_DB=<name> measures a database a previous run kept with BENCH_KEEP_DB=1 (no loading).
const reuse = process.env.BENCH_REUSE_DB;
const keep = process.env.BENCH_KEEP_DB === "1" || Boolean(reuse);
const bench = await createBenchDatabase("clcr_bench_reports", reuse);
const ADMIN_ID = "00000000-0000-4000-8000-000000000001";
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function load() {
  const loader = openPostgres(bench.url, { max: 1 });
  const exec = (query: ReturnType<typeof sql>) => loader.db.execute(query);
  try {
    await migrateDatabase(loader);
    await loader.db.transaction((tx) => seedReferenceData(tx));
    // The job queue installs its schema in a transaction of its own, which needs a single connection.
    await (await getBoss(loader)).stop({ graceful: false, wait: true });
    const started = Date.now();
    // Bulk load with every trigger off (the rollups are rebuilt from the ledger afterwards).
    await exec(sql`set session_replication_role = replica`);
    await exec(sql`set work_mem = '256MB'`);
    await exec(
      sql`insert into users (id, email, password_hash, role, name) values (${ADMIN_ID}, 'bench-admin@bench.example', '-', 'admin', '管理员')`,
    );
    await exec(
      sql`insert into users (email, password_hash, role, name) select 'expert-' || g || '@bench.example', '-', 'expert', '专家' || g from generate_series(1, 100) g`,
    );
    await exec(sql`insert into experts (user_id, status, name, license_number, home_region_code, capacity, term_start, term_end)
      select u.id, 'active', u.name, 'L' || u.email, (array['330421', '310118', '320509'])[1 + floor(random() * 3)::int], 5, date '2024-01-01', date '2027-01-01'
      from users u where u.role = 'expert'`);
    await exec(sql`with towns as (select array_agg(code order by code) as a from regions where level = 'town' and left(code, 6) in ('330421', '310118', '320509'))
      insert into enterprises (name, name_normalized, region_code, contact_name)
      select '企业' || g, '企业' || g, towns.a[1 + g % cardinality(towns.a)], '联系人' from generate_series(1, 2000) g, towns`);
    await exec(
      sql`insert into users (email, password_hash, role, name, enterprise_id) select 'company-' || e.id || '@bench.example', '-', 'enterprise', e.name, e.id from enterprises e`,
    );
    await exec(
      sql`insert into stations (name, region_code) select '服务站' || g, (array['330421001', '310118001', '320509001'])[1 + g % 3] from generate_series(1, 12) g`,
    );

    // Requests over 2016-2025; nearly every old case is closed, the last few hundred are in hand.
    await exec(sql`
      with towns as (select array_agg(code order by code) as a from regions where level = 'town' and left(code, 6) in ('330421', '310118', '320509')),
        ex as (select array_agg(id order by id) as a from experts),
        st as (select array_agg(id order by id) as a from stations),
        ent as (select array_agg(e.id order by e.id) as a, array_agg(u.id order by e.id) as u from enterprises e join users u on u.enterprise_id = e.id),
        base as (
          select g, timestamptz '2016-01-01 00:00+08' + (g - 1) * (interval '3652 days' / ${REQUESTS}) + random() * interval '40 minutes' as submitted_at,
            random() as r_status, random() as r_channel, random() as r_accept
          from generate_series(1, ${REQUESTS}) g
        )
      insert into requests (title, category, description, status, channel, region_code, enterprise_id, filed_by_user_id, station_id, assigned_expert_id,
        amount_at_stake_fen, submitted_at, triaged_at, accepted_at, resolved_at, closed_at, rating, case_number)
      select '货款追收' || g, 'debt_collection', '-', s.status,
        case when r_channel < 0.6 then 'web' when r_channel < 0.8 then 'station' when r_channel < 0.95 then 'hotline' else 'api' end::channel,
        towns.a[1 + g % cardinality(towns.a)], ent.a[1 + g % cardinality(ent.a)], ent.u[1 + g % cardinality(ent.u)],
        case when r_channel >= 0.6 and r_channel < 0.8 then st.a[1 + g % cardinality(st.a)] end,
        case when s.status in ('accepted', 'in_progress', 'resolved', 'closed') then ex.a[1 + (g * 7919) % cardinality(ex.a)] end,
        floor(random() * 500000000)::bigint, submitted_at, submitted_at + interval '4 hours',
        case when s.status in ('accepted', 'in_progress', 'resolved', 'closed') then submitted_at + (2 + r_accept * 96) * interval '1 hour' end,
        case when s.status in ('resolved', 'closed') then submitted_at + (20 + r_accept * 200) * interval '1 day' end,
        case when s.status = 'closed' then submitted_at + (25 + r_accept * 200) * interval '1 day' end,
        case when s.status = 'closed' and random() < 0.7 then 3 + floor(random() * 3)::int end,
        'BENCH-' || g
      from base, towns, ex, st, ent,
        lateral (select case
          when g > ${REQUESTS} - 400 then (array['accepted', 'in_progress', 'in_progress', 'in_progress']::request_status[])[1 + g % 4]
          when r_status < 0.03 then 'withdrawn'::request_status when r_status < 0.05 then 'rejected'::request_status
          when r_status < 0.10 then 'resolved'::request_status else 'closed'::request_status end as status) s`);
    await exec(sql`insert into request_specialties (request_id, specialty_code)
      select r.id, (array['debt_collection', 'contract', 'lease', 'labor', 'corporate', 'ecommerce', 'ip', 'mediation'])[1 + k]
      from requests r, generate_series(0, 7) k where k = (hashtext(r.id::text) & 7) or (k = ((hashtext(r.id::text) >> 3) & 7) and random() < 0.5)
      on conflict do nothing`);
    await exec(sql`insert into offers (request_id, expert_id, status, expires_at, created_at, answered_at)
      select id, assigned_expert_id, 'accepted', submitted_at + interval '52 hours', submitted_at + interval '4 hours', accepted_at from requests where assigned_expert_id is not null`);
    await exec(sql`with ex as (select array_agg(id order by id) as a from experts)
      insert into offers (request_id, expert_id, status, expires_at, created_at, answered_at, decline_reason)
      select r.id, ex.a[1 + (hashtext(r.id::text) & 2147483647) % cardinality(ex.a)], o.status, r.submitted_at + interval '50 hours', r.submitted_at + interval '2 hours',
        case when o.status = 'declined' then r.submitted_at + interval '9 hours' end,
        case when o.status = 'declined' then (array['capacity', 'conflict', 'expertise', 'unavailable', 'distance', 'other'])[1 + floor(random() * 6)::int] end
      from requests r, ex, lateral (select case when random() < 0.3 then 'declined'::offer_status when random() < 0.15 then 'expired'::offer_status end as status) o
      where r.assigned_expert_id is not null and o.status is not null`);
    await exec(sql`insert into return_visits (request_id, visited_on, visited_by, summary, satisfaction)
      select id, (closed_at + interval '7 days')::date, ${ADMIN_ID}, '回访', 3 + floor(random() * 3)::int from requests where status = 'closed' and random() < 0.3`);

    // One million disputes across the accepted cases, then two million ledger entries.
    await exec(sql`create temp table bench_cases as
      select row_number() over (order by submitted_at) as idx, id, status, accepted_at from requests where accepted_at is not null`);
    await exec(sql`create index on bench_cases (idx)`);
    await exec(sql`with n as (select count(*) as n from bench_cases)
      insert into disputes (request_id, counterparty_name, kind, claimed_fen, status, resolution_method, opened_at, closed_at, created_by)
      select c.id, '相对方' || g, (array['receivable', 'rent', 'contract', 'labor', 'ip', 'other']::dispute_kind[])[1 + g % 6], floor(random() * 500000000)::bigint,
        s.status, case when s.status = 'resolved' then 'mediation' end, c.accepted_at + random() * interval '20 days',
        case when s.status in ('resolved', 'unresolved', 'withdrawn') then c.accepted_at + (21 + random() * 150) * interval '1 day' end, ${ADMIN_ID}
      from generate_series(1, ${DISPUTES}) g, n, bench_cases c,
        lateral (select case
          when c.status in ('resolved', 'closed') then (array['resolved', 'resolved', 'resolved', 'resolved', 'resolved', 'resolved', 'unresolved', 'withdrawn']::dispute_status[])[1 + g % 8]
          else (array['open', 'negotiating', 'mediating', 'litigating', 'enforcing', 'resolved']::dispute_status[])[1 + g % 6] end as status) s
      where c.idx = 1 + (g - 1) % n.n`);
    await exec(
      sql`create temp table bench_disputes as select row_number() over (order by id) as idx, id, request_id, opened_at, claimed_fen from disputes`,
    );
    await exec(sql`create index on bench_disputes (idx)`);
    await exec(sql`insert into recoveries (dispute_id, request_id, amount_fen, received_on, method, note, recorded_by, recorded_at)
      select d.id, d.request_id, 1 + floor(random() * least(d.claimed_fen, 20000000))::bigint,
        least((d.opened_at + random() * interval '240 days') at time zone 'Asia/Shanghai', timestamp '2025-12-31')::date,
        (array['negotiation', 'mediation', 'judgment', 'arbitration', 'enforcement', 'other']::recovery_method[])[1 + g % 6], '银行回单', ${ADMIN_ID}, d.opened_at
      from generate_series(1, ${ORIGINAL_ENTRIES}) g join bench_disputes d on d.idx = 1 + (g - 1) % ${DISPUTES}`);
    await exec(sql`insert into recoveries (dispute_id, request_id, amount_fen, received_on, method, note, reverses_id, reason, recorded_by, recorded_at)
      select o.dispute_id, o.request_id, -o.amount_fen, o.received_on, o.method, o.note, o.id, '录入错误', ${ADMIN_ID}, o.recorded_at + interval '1 day'
      from (select * from recoveries order by random() limit ${REVERSALS}) o`);
    await exec(
      sql`update disputes d set recovered_fen = s.total from (select dispute_id, sum(amount_fen) as total from recoveries group by 1) s where s.dispute_id = d.id`,
    );
    await numberRequestsInFilingOrder(exec);
    await exec(sql`set session_replication_role = origin`);
    console.log(`Loaded in ${seconds(started)}.`);
    const rebuilt = Date.now();
    await exec(sql`select report_rollups_rebuild()`);
    await exec(sql`select report_accept_rebuild()`);
    await exec(sql`select ledger_totals_rebuild()`);
    await exec(sql`select report_panel_counts_rebuild()`);
    console.log(`Rollups rebuilt from the ledger and the requests in ${seconds(rebuilt)}.`);
    await exec(sql`vacuum analyze`);
    const [c] = rowsOf<Record<string, number>>(
      await exec(sql`select (select count(*)::int from requests) as requests, (select count(*)::int from disputes) as disputes,
        (select count(*)::int from recoveries) as entries, (select count(*)::int from recoveries where reverses_id is not null) as reversals,
        (select count(*)::int from offers) as offers, (select count(*)::int from report_rollups) as rollup_rows,
        (select count(*)::int from report_accept_times) as accept_rows`),
    );
    console.log(
      `Data: ${c!.requests} requests, ${c!.disputes} disputes, ${c!.entries} ledger entries (${c!.reversals} reversals), ${c!.offers} offers; ${c!.rollup_rows} rollup rows, ${c!.accept_rows} acceptance-time rows.`,
    );
  } finally {
    await loader.close();
  }
}

const canonical = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) =>
    typeof v === "bigint"
      ? v.toString()
      : v instanceof Map
        ? Object.fromEntries([...v.entries()].sort(([a], [b]) => String(a).localeCompare(String(b))))
        : v,
  );

try {
  if (!reuse) await load();
  else {
    const migrator = openPostgres(bench.url, { max: 1 });
    await migrateDatabase(migrator);
    await migrator.close();
  }
  const database = openPostgres(bench.url, { max: 4 });
  setDatabase(database);
  const { db } = database;
  await getBoss(database);
  // A reused database (BENCH_REUSE_DB, e.g. `npm run bench`'s own at full scale) has its own admin.
  const [admin] = rowsOf<{ id: string }>(
    await db.execute(sql`select id from users where role = 'admin' order by (id = ${ADMIN_ID}) desc, created_at limit 1`),
  );
  const actor: Actor = {
    userId: admin?.id ?? ADMIN_ID,
    role: "admin",
    email: "bench-admin@bench.example",
    name: "管理员",
    enterpriseId: null,
    stationId: null,
    expertId: null,
    regionScope: null,
  };

  // Real writes through the use cases: each runs the append-only and rollup triggers in its transaction.
  const targets = rowsOf<{ id: string }>(
    await db.execute(
      sql`select d.id from disputes d join requests r on r.id = d.request_id where r.status = 'in_progress' and d.status not in ('resolved', 'unresolved', 'withdrawn') order by d.id limit ${WRITES}`,
    ),
  );
  const writeTimes: number[] = [];
  for (const [i, target] of targets.entries()) {
    const t0 = performance.now();
    const entry = await recordRecovery(actor, target.id, {
      amountFen: BigInt(10_000 + i),
      receivedOn: "2025-06-15",
      method: "negotiation",
      confirmOverClaim: true,
    });
    writeTimes.push(performance.now() - t0);
    if (i % 3 === 0) await reverseRecovery(actor, entry.id, "核对后更正");
    if (i % 4 === 0) await updateDispute(actor, target.id, { status: "resolved", resolutionMethod: "mediation" });
  }
  writeTimes.sort((a, b) => a - b);
  console.log(
    `${targets.length} ledger entries recorded through the use case (plus reversals and status changes): p50 ${quantile(writeTimes, 0.5).toFixed(1)} ms, p95 ${quantile(writeTimes, 0.95).toFixed(1)} ms each.`,
  );

  /** A dashboard query as the app runs it, and the same from a full scan; `before` runs untimed before each fast run. */
  // `runs`: fewer timed runs (and two warm-ups) for a look whose untimed `before` is slow
  type Query<T> = { fast: () => Promise<T>; full: () => Promise<T>; before?: () => Promise<unknown>; runs?: number };
  const year = makePeriod("2025-01-01", "2025-12-31");
  const all = reportScope({ regionScope: null });
  const jiashan = reportScope({ regionScope: "330421" });
  // a town's admin (夏阳街道, 青浦区): from the rollups (migration 0047) and acceptance-time counts (0059) kept per town
  const xiayang = reportScope({ regionScope: "310118001" });
  const fullScan = <T>(fn: (handle: DbOrTx) => Promise<T>) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_indexscan = off`);
      await tx.execute(sql`set local enable_indexonlyscan = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
      return fn(tx);
    });
  const report = (dimension: FigureDimension, scope: ReportScope) => ({
    fast: () => Promise.all([figuresFromRollups(dimension, year, scope), acceptTimes(dimension, year, scope)]),
    full: () =>
      fullScan(async (tx) => [await figuresFromLedger(dimension, year, scope, tx), await acceptTimesFromRequests(dimension, year, scope, tx)]),
  });
  const same = <T>(fn: (handle: DbOrTx) => Promise<T>) => ({ fast: () => fn(db), full: () => fullScan(fn) });
  type Panel<T> = (period: typeof year, scope: ReportScope, handle?: DbOrTx) => Promise<T>;
  const counted = <T>(fn: Panel<T>, fromBase: Panel<T>, scope = all) => ({
    fast: () => fn(year, scope),
    full: () => fullScan((tx) => fromBase(year, scope, tx)),
  });
  // The report by expert as the dashboard and the API ask for it: one page of 50, best first.
  const expertPage = (scope: ReportScope, period = year) => ({
    fast: async () =>
      (await reportRowsPage("expert", period, scope, "zh-CN", { page: 1, pageSize: 50 })).rows.map((r) => [
        r.key,
        r.requests,
        r.recoveredFen,
        r.claimedFen,
        r.acceptedRequests,
        r.medianHoursToAccept,
      ]),
    full: () =>
      fullScan(async (tx) => {
        const [figures, times] = [await figuresFromLedger("expert", period, scope, tx), await acceptTimesFromRequests("expert", period, scope, tx)];
        return [...figures]
          .map(([key, f]) => ({ key, ...f }))
          .filter(hasFigures)
          .sort(byRank)
          .slice(0, 50)
          .map((r) => [r.key, r.requests, r.recoveredFen, r.claimedFen, times.get(r.key)?.accepted ?? 0, times.get(r.key)?.medianHours ?? null]);
      }),
  });
  // What a compaction that folded 300 experts' rows does to the compacted rows (here they are
  // written over with themselves; the trigger writes their keys down, migration 0060).
  const compaction = () =>
    db.execute(sql`update report_expert_years set requests_filed = requests_filed where shard = 0 and county = '' and key in (
      select key from report_expert_years where shard = 0 and county = '' and year = '2025-01-01' order by random() limit 300)`);
  // Untimed before each look: a compaction, so the kept ranking is brought up to date (lib/reports/compacted-ranking.ts).
  const afterCompaction = <T>(q: Query<T>): Query<T> => ({ ...q, before: compaction });
  // Untimed before each look: the log of changed experts no longer reaching back to the kept and the
  // stored ranking (a rebuild): the whole ranking is worked out (and stored).
  const workedOut = <T>(q: Query<T>): Query<T> => ({
    ...q,
    before: () => db.execute(sql`update report_expert_generation set generation = generation + 1, logged_after = generation + 1`),
  });
  // Untimed before each look: this process keeps no ranking, as one started since the last was stored.
  const anotherProcess = <T>(q: Query<T>): Query<T> => ({
    ...q,
    before: async () => forgetKeptRankings(),
  });
  // Untimed before each look: a stored ranking just worked out, then 40 compactions of 300 experts
  // each (12,000 changed), this process looking after each; then another process, keeping none,
  // takes the stored copy and brings it up to date (lib/reports/compacted-ranking.ts).
  const anotherAfterCompactions = <T>(q: Query<T>): Query<T> => ({
    ...q,
    runs: 10,
    before: async () => {
      await db.execute(sql`update report_expert_generation set generation = generation + 1, logged_after = generation + 1`);
      await q.fast();
      for (let i = 0; i < 40; i++) {
        await compaction();
        await q.fast();
      }
      forgetKeptRankings();
    },
  });
  const lifetime = {
    fast: async () =>
      rowsOf(
        await db.execute(
          sql`select sum(requests_filed)::text as f, sum(disputes_resolved)::text as d, sum(recovered_fen)::text as r from report_rollups where dimension = 'all'`,
        ),
      ),
    full: () =>
      fullScan(async (tx) =>
        rowsOf(
          await tx.execute(sql`select (select count(*) from requests)::text as f,
          (select count(*) from disputes where status = 'resolved' and closed_at is not null)::text as d, (select sum(amount_fen) from recoveries)::text as r`),
        ),
      ),
  };
  const queries: [string, Query<unknown>][] = [
    ["report by month (2025)", report("month", all)],
    ["report by region", report("region", all)],
    ["report by specialty", report("specialty", all)],
    ["by expert, first page of 50", expertPage(all)],
    ["by expert, admin of 嘉善县", expertPage(jiashan)],
    ["by expert, Mar-Aug 2025", expertPage(all, makePeriod("2025-03-01", "2025-08-31"))],
    ["by expert, Jul 2024-Dec 2025", expertPage(all, makePeriod("2024-07-01", "2025-12-31"))],
    ["  after a compaction", afterCompaction(expertPage(all, makePeriod("2024-07-01", "2025-12-31")))],
    ["  worked out again", workedOut(expertPage(all, makePeriod("2024-07-01", "2025-12-31")))],
    ["  first look in another process", anotherProcess(expertPage(all, makePeriod("2024-07-01", "2025-12-31")))],
    ["  first look after 40 compactions", anotherAfterCompactions(expertPage(all, makePeriod("2024-07-01", "2025-12-31")))],
    // "the last 12 months" in any month but December: a year of rows less one month, and one month
    ["by expert, Dec 2025-Nov 2026", expertPage(all, makePeriod("2025-12-01", "2026-11-30"))],
    ["  worked out again", workedOut(expertPage(all, makePeriod("2025-12-01", "2026-11-30")))],
    ["  first look in another process", anotherProcess(expertPage(all, makePeriod("2025-12-01", "2026-11-30")))],
    ["report by station", report("station", all)],
    ["report by channel", report("channel", all)],
    ["totals of the period", report("all", all)],
    ["by town, admin of 嘉善县", report("region", jiashan)],
    ["by month, admin of 夏阳街道", report("month", xiayang)],
    ["by expert, admin of 夏阳街道", expertPage(xiayang)],
    [
      "requests by status",
      { fast: () => figuresFromRollups("status", year, all), full: () => fullScan((tx) => figuresFromLedger("status", year, all, tx)) },
    ],
    // the counted panels (migrations 0042, 0062) against the offers, requests and visits they count
    ["offers declined, by reason", counted(declinedOffers, declinedOffersFromOffers)],
    ["deadline breaches", counted(deadlineBreaches, deadlineBreachesFromOffers)],
    ["  admin of 嘉善县", counted(deadlineBreaches, deadlineBreachesFromOffers, jiashan)],
    ["caseload per expert", same((h) => caseloadPerExpert(all, h))],
    ["satisfaction", counted(satisfaction, satisfactionFromRequests)],
    ["public totals (all years)", lifetime],
  ];

  console.log(
    `\nDashboard queries over 2025 (whole zone unless noted); fast = as the app runs them, ${RUNS} runs after ${WARMUP} warm-up (10 after 2 where noted); full scan = median of ${FULL_RUNS}`,
  );
  console.log(`${"query".padEnd(34)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"full ms".padStart(9)} ${"ratio".padStart(8)}  same figures`);
  let failures = 0;
  for (const [label, q] of queries) {
    // the rows the looks before rewrote (compactions, rebuilds, rankings stored) cleaned up, as
    // autovacuum would between them (a server may run with it off): each line starts from the same state
    await db.execute(sql`vacuum (analyze) report_expert_years, report_expert_changes, report_expert_generation, report_expert_rankings`);
    const times: number[] = [];
    let fastResult: unknown;
    const warmup = q.runs ? 2 : WARMUP;
    for (let i = 0; i < warmup + (q.runs ?? RUNS); i++) {
      await q.before?.();
      const t0 = performance.now();
      fastResult = await q.fast();
      if (i >= warmup) times.push(performance.now() - t0);
    }
    const fullTimes: number[] = [];
    let fullResult: unknown;
    for (let i = 0; i < FULL_RUNS; i++) {
      const t0 = performance.now();
      fullResult = await q.full();
      fullTimes.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    fullTimes.sort((a, b) => a - b);
    const p95 = quantile(times, 0.95);
    const compared = FULL_RUNS > 0;
    const full = compared ? quantile(fullTimes, 0.5) : NaN;
    const identical = compared ? canonical(fastResult) === canonical(fullResult) : null;
    const ok = p95 <= 10 && (!compared || (full / p95 >= 7 && identical === true));
    if (!ok) failures += 1;
    console.log(
      `${label.padEnd(34)} ${quantile(times, 0.5).toFixed(2).padStart(8)} ${p95.toFixed(2).padStart(8)} ${(compared ? full.toFixed(1) : "-").padStart(9)} ${(compared ? `${(full / p95).toFixed(0)}x` : "-").padStart(8)}  ${identical === null ? "not compared" : identical ? "yes" : "NO"}${ok ? "" : "   <- misses a target"}`,
    );
  }
  const [totals] = rowsOf<{ ledger: string; rollups: string; disputes: string }>(
    await db.execute(sql`select (select sum(amount_fen) from recoveries)::text as ledger, (select sum(recovered_fen) from report_rollups where dimension = 'all')::text as rollups,
      (select sum(recovered_fen) from disputes)::text as disputes`),
  );
  console.log(
    `\nMoney recovered, all years: ledger ${totals!.ledger} fen, report rollups ${totals!.rollups} fen, disputes' rollup column ${totals!.disputes} fen: ${totals!.ledger === totals!.rollups && totals!.ledger === totals!.disputes ? "identical" : "DIFFERENT"}.`,
  );
  console.log(failures ? `${failures} queries miss a target.` : "Every query: p95 <= 10 ms, >= 7x faster than a full scan, identical figures.");
  await (await getBoss(database)).stop({ graceful: false, wait: true });
  await database.close();
  if (failures) process.exitCode = 1;
} finally {
  if (keep) console.log(`Kept database ${bench.name}.`);
  await bench.finish(keep);
}
