/**
 * `npm run bench:routing [-- --experts N]` (on the PostgreSQL server of DATABASE_URL, or a local one)
 *
 * Ranks requests against a roster of N experts (default 10,000) with 20 declared conflicts each, a
 * year of offers and the cases in hand, on a fresh database created here and dropped at the end.
 * Prints p50/p90/p99 milliseconds of one ranking (rankEligible: one statement for the settings, the
 * experts ruled out by conflicts, offers and skips, and the routing profiles written since the last
 * call; then the hard filters and scores in memory; then the best ten) and the candidates scored per
 * ranking, two ways in the same run, interleaved: scoring every eligible expert (as ranking did
 * before) and best first on bounds (what routing does); both must hand out the same ten. Also the
 * ranking with loading the request first. Target: p99 <= 5 ms at 100,000 experts.
 */
import { cpus, loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { openPostgres, rowsOf } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedReferenceData } from "@/db/seed/reference";
import { rankEligible } from "@/lib/routing/candidates";
import { refreshRoutingProfiles } from "@/lib/routing/refresh-profiles";
import { readRoutingSnapshot } from "@/lib/routing/routing-snapshot";
import { todayInShanghai } from "@/lib/clock";
import { loadRoutingRequest } from "@/lib/routing/load-routing-request";
import { createBenchDatabase, quantile } from "./bench-database";

const flag = process.argv.indexOf("--experts");
const EXPERTS = flag >= 0 ? Number(process.argv[flag + 1]) : 10_000;
if (!Number.isInteger(EXPERTS) || EXPERTS < 1) throw new Error("--experts takes a whole number of experts");
const CONFLICTS_PER_EXPERT = 20;
const RANKINGS = 1000;
const WARMUP = 200;
const BLOCK = 100;

const bench = await createBenchDatabase("clcr_bench");
const database = openPostgres(bench.url, { max: 1 });
const { db } = database;
const exec = (query: ReturnType<typeof sql>) => db.execute(query);

try {
  await migrateDatabase(database);
  await db.transaction((tx) => seedReferenceData(tx));
  const started = Date.now();
  // Bulk load with triggers off (then build every routing profile once), from a fixed seed. With the
  // triggers off nothing numbers the requests, so the history is given case numbers of its own.
  await exec(sql`select setseed(0.2026)`);
  await exec(sql`set session_replication_role = replica`);
  await exec(
    sql`insert into users (id, email, password_hash, role, name) values ('00000000-0000-4000-8000-000000000001', 'bench-admin@bench.example', '-', 'admin', 'admin')`,
  );
  await exec(sql`insert into users (id, email, password_hash, role, name)
    select gen_random_uuid(), 'bench-expert-' || g || '@bench.example', '-', 'expert', '专家' || g from generate_series(1, ${EXPERTS}) g`);
  await exec(sql`with counties as (select array_agg(code) as codes from regions where level = 'county')
    insert into experts (user_id, status, name, license_number, home_region_code, languages, service_modes, capacity, term_start, term_end)
    select u.id, case when random() < 0.03 then 'suspended'::expert_status else 'active' end, u.name, 'B' || u.email,
      counties.codes[1 + floor(random() * array_length(counties.codes, 1))::int],
      case when random() < 0.4 then array['zh', 'wu'] else array['zh'] end,
      ((array['{onsite,online}', '{booked,visit}', '{onsite,joint,online}'])[1 + floor(random() * 3)::int])::service_mode[],
      3 + floor(random() * 6)::int, date '2025-01-01', date '2028-01-01'
    from users u, counties where u.role = 'expert'`);
  // 1-3 specialties each, weighted towards what is asked for most.
  await exec(sql`insert into expert_specialties (expert_id, specialty_code)
    select distinct e.id, (array['debt_collection', 'debt_collection', 'contract', 'contract', 'contract', 'labor', 'lease', 'corporate', 'ecommerce', 'ip', 'mediation', 'finance', 'compliance', 'petition', 'administrative'])[1 + floor(random() * 15)::int]
    from experts e, generate_series(1, 3) k where k = 1 or random() < 0.45
    on conflict do nothing`);
  // Nobody holds both of these, as happens with specialties far apart: a request asking both must
  // not score through every holder of either for a full match that does not exist.
  await exec(sql`delete from expert_specialties s where s.specialty_code = 'ip'
    and exists (select 1 from expert_specialties p where p.expert_id = s.expert_id and p.specialty_code = 'petition')`);
  await exec(sql`insert into expert_regions (expert_id, region_code)
    select e.id, (array['330421', '310118', '320509'])[1 + floor(random() * 3)::int] from experts e where random() < 0.6 on conflict do nothing`);
  await exec(sql`insert into expert_conflicts (expert_id, company_name, name_normalized, credit_code)
    select e.id, '冲突公司' || c, '冲突公司' || c, case when random() < 0.6 then 'BC' || lpad(c::text, 16, '0') end
    from experts e, lateral (select floor(random() * 100000)::int as c from generate_series(1, ${CONFLICTS_PER_EXPERT}) g where e.id is not null) x`);
  await exec(sql`insert into enterprises (id, name, name_normalized, credit_code, region_code, contact_name)
    values ('00000000-0000-4000-8000-000000000002', '冲突公司42', '冲突公司42', 'BC0000000000000042', '330421002', 'x')`);
  await exec(sql`insert into users (id, email, password_hash, role, name, enterprise_id)
    values ('00000000-0000-4000-8000-000000000003', 'bench-company@bench.example', '-', 'enterprise', 'x', '00000000-0000-4000-8000-000000000002')`);
  // A year of history: cases in hand and closed, and offers answered.
  await exec(sql`insert into requests (case_number, title, category, description, status, region_code, enterprise_id, filed_by_user_id, assigned_expert_id, rating, submitted_at)
    select 'H-' || e.id || '-' || g, '历史', 'debt_collection', '-', (array['accepted', 'in_progress', 'in_progress', 'closed', 'closed', 'resolved']::request_status[])[1 + floor(random() * 6)::int],
      '330421002', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003', e.id, 3 + floor(random() * 3)::int, now() - random() * interval '365 days'
    from experts e, generate_series(1, 3) g`);
  await exec(sql`insert into offers (request_id, expert_id, status, expires_at, created_at, answered_at)
    select r.id, r.assigned_expert_id, 'accepted', r.submitted_at + interval '48 hours', r.submitted_at, r.submitted_at + interval '5 hours' from requests r where r.assigned_expert_id is not null`);
  await exec(sql`with ids as (select array_agg(id) as a from experts)
    insert into offers (request_id, expert_id, status, expires_at, created_at, answered_at, decline_reason)
    select r.id, ids.a[1 + floor(random() * cardinality(ids.a))::int], (array['declined', 'expired']::offer_status[])[1 + floor(random() * 2)::int],
      r.submitted_at + interval '48 hours', r.submitted_at - interval '1 day', r.submitted_at, 'capacity'
    from requests r, ids where r.assigned_expert_id is not null`);
  await exec(sql`set session_replication_role = origin`);
  const refreshStarted = Date.now();
  const refreshed = await refreshRoutingProfiles(db);
  const refreshSeconds = (Date.now() - refreshStarted) / 1000;
  // The same in one statement and one transaction, as a roster import refreshes its experts: one
  // lock-table entry per expert ran out of shared memory at 50,000 experts before the row lock.
  const onceStarted = Date.now();
  await db.transaction((tx) => tx.execute(sql`select refresh_expert_routing_profile(id) from experts`));
  const onceSeconds = (Date.now() - onceStarted) / 1000;
  await exec(sql`vacuum analyze`);
  // Write the bulk load out now rather than in a checkpoint while measuring.
  await exec(sql`checkpoint`);

  // Requests to rank: different specialties, regions and parties (one party conflicts with ~20 experts).
  const specialtySets = [
    ["debt_collection", "contract"],
    ["contract"],
    ["labor"],
    ["ecommerce"],
    ["corporate", "finance"],
    ["mediation", "petition"],
    ["lease"],
    ["ip"],
    ["ip", "petition"],
  ];
  const regionsToTry = ["330421002", "310118102", "320509104", "330402", "310115"];
  const requestIds: string[] = [];
  for (let i = 0; i < 20; i++) {
    const [row] = rowsOf<{ id: string }>(
      await exec(sql`insert into requests (title, category, description, status, region_code, language, service_mode, enterprise_id, filed_by_user_id)
        values ('排名', 'debt_collection', '-', 'triaged', ${regionsToTry[i % regionsToTry.length]!}, ${i % 3 === 0 ? "wu" : null}, ${i % 2 === 0 ? "onsite" : null},
          '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003') returning id`),
    );
    requestIds.push(row!.id);
    for (const code of specialtySets[i % specialtySets.length]!) await exec(sql`insert into request_specialties values (${row!.id}, ${code})`);
    for (let k = 0; k < 3; k++) {
      const c = (i * 7919 + k * 104729) % 100000;
      await exec(
        sql`insert into request_counterparties (request_id, name, name_normalized, credit_code) values (${row!.id}, ${"冲突公司" + c}, ${"冲突公司" + c}, ${k === 0 ? "BC" + String(c).padStart(16, "0") : null})`,
      );
    }
  }
  const [counts] = rowsOf<{ experts: number; conflicts: number; offers: number; active: number }>(
    await exec(sql`select (select count(*)::int from experts) as experts, (select count(*)::int from expert_conflicts) as conflicts,
      (select count(*)::int from offers) as offers, (select count(*)::int from requests where status in ('accepted', 'in_progress')) as active`),
  );
  console.log(
    `Loaded ${counts!.experts} experts, ${counts!.conflicts} declared conflicts, ${counts!.offers} offers, ${counts!.active} active cases in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );

  console.log(
    `Refreshed ${refreshed} routing profiles in batches in ${refreshSeconds.toFixed(1)} s, and all again in one statement and one transaction in ${onceSeconds.toFixed(1)} s.`,
  );

  // Each ranking: the request as routing holds it, then rankEligible (one statement: settings, who
  // is ruled out here, profiles written since the last call; then filters and scores in memory)
  // and the best ten taken from it. The two ways take turns in blocks of BLOCK rankings (so both
  // meet the same load on the machine, and one's garbage is not collected in the other's time).
  // Also timed: the part in memory alone (the ranking of a snapshot already read), and (best first)
  // loading the request too.
  type Way = { times: number[]; memory: number[]; scored: number; best: string[]; scoredBySet: Map<string, number[]> };
  const way = (): Way => ({ times: [], memory: [], scored: 0, best: [], scoredBySet: new Map() });
  const ways = { full: way(), bounded: way() };
  const withLoad: number[] = [];
  // One time for the whole run, so both ways rank the same figures (rotation fades with time).
  const now = new Date();
  for (let block = 0; block < (WARMUP + RANKINGS) / BLOCK; block++) {
    for (const [name, measured] of Object.entries(ways) as ["full" | "bounded", Way][]) {
      for (let k = 0; k < BLOCK; k++) {
        const i = block * BLOCK + k;
        const t0 = performance.now();
        const request = (await loadRoutingRequest(db, requestIds[i % requestIds.length]!))!;
        const t1 = performance.now();
        const ranking = await rankEligible(db, request, { now, full: name === "full" });
        const best = ranking.top(10);
        const t2 = performance.now();
        const { table, settings, ruledOut, own } = await readRoutingSnapshot(db, request);
        const rank = name === "full" ? table.rankAll : table.rank;
        const t3 = performance.now();
        rank.call(table, request, settings, now, todayInShanghai(now), ruledOut, own).top(10);
        const t4 = performance.now();
        if (i < WARMUP) continue;
        measured.times.push(t2 - t1);
        measured.memory.push(t4 - t3);
        if (name === "bounded") withLoad.push(t2 - t0);
        measured.scored += ranking.scored;
        const asked = specialtySets[(i % requestIds.length) % specialtySets.length]!.join(" + ");
        measured.scoredBySet.set(asked, [...(measured.scoredBySet.get(asked) ?? []), ranking.scored]);
        measured.best.push(best.map((c) => `${c.expertId} ${c.exact}`).join());
      }
    }
  }
  const differing = ways.full.best.filter((best, i) => best !== ways.bounded.best[i]).length;
  const figures = (times: number[]) => {
    times.sort((a, b) => a - b);
    const at = (p: number) => quantile(times, p).toFixed(2);
    return `p50 ${at(0.5).padStart(6)} ms   p99 ${at(0.99).padStart(7)} ms   max ${times[times.length - 1]!.toFixed(2).padStart(7)} ms`;
  };
  const mean = (values: number[]) => (values.reduce((sum, v) => sum + v, 0) / values.length).toFixed(0);
  const scored = (measured: Way) => (measured.scored / RANKINGS).toFixed(0).padStart(6);
  console.log(`
Ranking one request against ${counts!.experts} experts (${counts!.conflicts} declared conflicts), ${RANKINGS} rankings of 20 different requests each way (after ${WARMUP} to warm up)
                                candidates scored per ranking (mean)
  before: scoring every expert  ${scored(ways.full)}   ${figures(ways.full.times)}   (in memory alone: ${figures(ways.full.memory)})
  after: best first on bounds   ${scored(ways.bounded)}   ${figures(ways.bounded.times)}   (in memory alone: ${figures(ways.bounded.memory)})   target p99 <= 5 ms
  after, loading the request too        ${figures(withLoad)}
  candidates scored per ranking (mean) by the specialties asked, scoring every expert -> best first:
${[...ways.bounded.scoredBySet.keys()].map((asked) => `    ${asked.padEnd(28)} ${mean(ways.full.scoredBySet.get(asked)!).padStart(6)} -> ${mean(ways.bounded.scoredBySet.get(asked)!).padStart(6)}`).join("\n")}
  rankings whose best ten differ between the two ways: ${differing}
  machine load average while measuring: ${loadavg()[0]!.toFixed(2)} (on ${cpus().length} cores)
`);
} finally {
  await database.close();
  await bench.finish();
}
