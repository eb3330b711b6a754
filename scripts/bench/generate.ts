/**
 * The benchmark's world, written set-based (`insert … select … generate_series`) with the triggers
 * off, then the derived tables made consistent by the project's own functions: report rollups and
 * acceptance times rebuilt, routing profiles and search grams refreshed (in batches: one statement
 * over every expert runs out of advisory locks), case numbers numbered in filing order.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db";
import { addCrowdOfExperts } from "@/test/directory-crowd";
import { numberRequestsInFilingOrder } from "../bench-database";
import { progressBar } from "./progress";

/** What the whole Delta could reach; `--scale` multiplies every count. */
export const FULL_SCALE = { experts: 100_000, enterprises: 200_000, requests: 1_000_000, disputes: 10_000_000, ledgerEntries: 20_000_000 };
export type Counts = typeof FULL_SCALE;

export const countsAt = (scale: number): Counts => ({
  experts: Math.max(20, Math.round(FULL_SCALE.experts * scale)),
  enterprises: Math.max(20, Math.round(FULL_SCALE.enterprises * scale)),
  requests: Math.max(100, Math.round(FULL_SCALE.requests * scale)),
  disputes: Math.max(200, Math.round(FULL_SCALE.disputes * scale)),
  ledgerEntries: Math.max(400, Math.round(FULL_SCALE.ledgerEntries * scale)),
});

export const BENCH_ADMIN_ID = "00000000-0000-4000-8000-00000000be01";
export const BENCH_ADMIN_EMAIL = "bench-admin@bench.example";
/** The company that files and reads in the benchmark: the first generated one. */
export const BENCH_COMPANY_EMAIL = "company-1@bench.example";

const CHUNK = 250_000;
const EXPERT_BATCH = 5_000;
const PROFILE_BATCH = 2_000;
const COUNTIES = ["330421", "310118", "320509"];
/** Requests still open at the end (accepted or in progress), and ones waiting to be routed (ranked in the benchmark). */
const IN_HAND = 0.0004;
const TRIAGED = 20;

/** Writes the world into a migrated database holding the reference data; one connection (temp tables). */
export async function generateWorld(database: Database, counts: Counts): Promise<void> {
  const exec = (query: SQL) => database.db.execute(query);
  const reversals = Math.round(counts.ledgerEntries * 0.025);
  const originals = counts.ledgerEntries - reversals;
  // The bar's shares follow the time each step took at scale 0.01: a row is a row, except sampling the
  // reversals and rebuilding the rollups, which read the whole ledger.
  const reversalWork = Math.round(counts.ledgerEntries * 0.3);
  const rollupWork = Math.round(counts.ledgerEntries * 0.5);
  const total = counts.experts * 2 + counts.enterprises + counts.requests * 4 + counts.disputes + originals + reversalWork + rollupWork;
  const bar = progressBar(total);
  const chunks = async (count: number, label: string, write: (lo: number, hi: number) => SQL) => {
    for (let lo = 1; lo <= count; lo += CHUNK) {
      const hi = Math.min(count, lo + CHUNK - 1);
      bar.show(label);
      await exec(write(lo, hi));
      bar.advance(hi - lo + 1, label);
    }
  };

  await exec(sql`select setseed(0.2026)`);
  await exec(sql`set work_mem = '256MB'`);
  // Experts with Chinese profiles, their routing profiles and search grams (the directory's own helper).
  for (let done = 0; done < counts.experts; done += EXPERT_BATCH) {
    const batch = Math.min(EXPERT_BATCH, counts.experts - done);
    bar.show("experts");
    await database.db.transaction((tx) => addCrowdOfExperts(tx, batch, 0.2026 + done / 1e9));
    bar.advance(batch, "experts");
  }

  await exec(sql`set session_replication_role = replica`);
  await exec(sql`insert into users (id, email, password_hash, role, name) values (${BENCH_ADMIN_ID}, ${BENCH_ADMIN_EMAIL}, '-', 'admin', '管理员')`);
  await exec(sql`insert into stations (name, region_code)
    select '服务站' || g, (array['330421001', '310118001', '320509001'])[1 + g % 3] from generate_series(1, 12) g`);
  const towns = sql`(select array_agg(code order by code) as a from regions where level = 'town' and left(code, 6) in (${sql.join(
    COUNTIES.map((c) => sql`${c}`),
    sql`, `,
  )}))`;
  await chunks(
    counts.enterprises,
    "enterprises",
    (lo, hi) => sql`with towns as ${towns}, e as (
      insert into enterprises (name, name_normalized, region_code, contact_name)
      select '企业' || g, '企业' || g, towns.a[1 + g % cardinality(towns.a)], '联系人' from generate_series(${lo}::int, ${hi}::int) g, towns
      returning id, name)
    insert into users (email, password_hash, role, name, enterprise_id) select 'company-' || substr(e.name, 3) || '@bench.example', '-', 'enterprise', e.name, e.id from e`,
  );
  await exec(sql`create temp table bench_parties as
    select row_number() over (order by e.id) - 1 as idx, e.id as enterprise_id, u.id as user_id, e.region_code
    from enterprises e join users u on u.enterprise_id = e.id`);
  await exec(sql`create unique index on bench_parties (idx)`);

  // Requests over the last five years; nearly every old case is closed, the newest are in hand or waiting to be routed.
  const span = sql`interval '1826 days'`;
  const inHand = Math.max(10, Math.round(counts.requests * IN_HAND));
  await chunks(
    counts.requests,
    "requests",
    (lo, hi) => sql`
      with ex as (select array_agg(id order by id) as a from experts where status = 'active'),
        st as (select array_agg(id order by id) as a from stations),
        n as (select count(*) as n from bench_parties),
        base as (
          select g, now() - interval '1 day' - ${span} + (g - 1) * (${span} / ${counts.requests}) + random() * interval '40 minutes' as submitted_at,
            random() as r_status, random() as r_channel, random() as r_accept
          from generate_series(${lo}::int, ${hi}::int) g
        )
      insert into requests (title, category, description, status, channel, region_code, enterprise_id, filed_by_user_id, station_id, assigned_expert_id,
        amount_at_stake_fen, submitted_at, triaged_at, accepted_at, resolved_at, closed_at, rating, case_number)
      select '货款追收' || g, 'debt_collection', '企业货款被拖欠，需要律师协助追收。', s.status,
        case when r_channel < 0.6 then 'web' when r_channel < 0.8 then 'station' when r_channel < 0.95 then 'hotline' else 'api' end::channel,
        p.region_code, p.enterprise_id, p.user_id,
        case when r_channel >= 0.6 and r_channel < 0.8 then st.a[1 + g % cardinality(st.a)] end,
        case when s.status in ('accepted', 'in_progress', 'resolved', 'closed') then ex.a[1 + (g::bigint * 7919) % cardinality(ex.a)] end,
        floor(random() * 500000000)::bigint, submitted_at, submitted_at + interval '4 hours',
        case when s.status in ('accepted', 'in_progress', 'resolved', 'closed') then submitted_at + (2 + r_accept * 96) * interval '1 hour' end,
        case when s.status in ('resolved', 'closed') then submitted_at + (20 + r_accept * 200) * interval '1 day' end,
        case when s.status = 'closed' then submitted_at + (25 + r_accept * 200) * interval '1 day' end,
        case when s.status = 'closed' and random() < 0.7 then 3 + floor(random() * 3)::int end,
        'BENCH-' || g
      from base cross join ex cross join st cross join n
        join bench_parties p on p.idx = (g - 1) % n.n,
        lateral (select case
          when g > ${counts.requests - TRIAGED} then 'triaged'::request_status
          when g > ${counts.requests - TRIAGED - inHand} then (array['accepted', 'in_progress', 'in_progress', 'in_progress']::request_status[])[1 + g % 4]
          when r_status < 0.03 then 'withdrawn'::request_status when r_status < 0.05 then 'rejected'::request_status
          when r_status < 0.10 then 'resolved'::request_status else 'closed'::request_status end as status) s`,
  );
  bar.show("request details");
  await exec(sql`insert into request_specialties (request_id, specialty_code)
    select r.id, (array['debt_collection', 'contract', 'lease', 'labor', 'corporate', 'ecommerce', 'ip', 'mediation'])[1 + k]
    from requests r, generate_series(0, 7) k where k = (hashtext(r.id::text) & 7) or (k = ((hashtext(r.id::text) >> 3) & 7) and random() < 0.5)
    on conflict do nothing`);
  await exec(sql`insert into offers (request_id, expert_id, status, expires_at, created_at, answered_at)
    select id, assigned_expert_id, 'accepted', submitted_at + interval '52 hours', submitted_at + interval '4 hours', accepted_at from requests where assigned_expert_id is not null`);
  await exec(sql`with ex as (select array_agg(id order by id) as a from experts where status = 'active')
    insert into offers (request_id, expert_id, status, expires_at, created_at, answered_at, decline_reason)
    select r.id, ex.a[1 + (hashtext(r.id::text) & 2147483647) % cardinality(ex.a)], o.status, r.submitted_at + interval '50 hours', r.submitted_at + interval '2 hours',
      case when o.status = 'declined' then r.submitted_at + interval '9 hours' end,
      case when o.status = 'declined' then (array['capacity', 'conflict', 'expertise', 'unavailable', 'distance', 'other'])[1 + floor(random() * 6)::int] end
    from requests r, ex,
      -- per request (a hash of its id): a lateral select of random() that names nothing of r runs once for all rows
      lateral (select (hashtext(r.id::text || ':second offer') & 1048575) / 1048576.0 as u) h,
      lateral (select case when h.u < 0.3 then 'declined'::offer_status when h.u < 0.405 then 'expired'::offer_status end as status) o
    where r.assigned_expert_id is not null and o.status is not null`);
  bar.advance(counts.requests, "request details");
  await exec(sql`insert into return_visits (request_id, visited_on, visited_by, summary, satisfaction)
    select id, (closed_at + interval '7 days')::date, ${BENCH_ADMIN_ID}, '回访', 3 + floor(random() * 3)::int from requests where status = 'closed' and random() < 0.3`);
  // The audit trail: each filing, and each acceptance.
  bar.show("events");
  await exec(sql`insert into events (type, entity_type, entity_id, request_id, actor_user_id, actor_role, region_code, data, at)
    select 'request.submitted', 'request', id::text, id, filed_by_user_id, 'enterprise', left(region_code, 6), jsonb_build_object('channel', channel), submitted_at from requests`);
  await exec(sql`insert into events (type, entity_type, entity_id, request_id, actor_user_id, actor_role, region_code, at)
    select 'offer.accepted', 'request', r.id::text, r.id, e.user_id, 'expert', left(r.region_code, 6), r.accepted_at
    from requests r join experts e on e.id = r.assigned_expert_id where r.accepted_at is not null`);
  bar.advance(counts.requests, "events");

  // Disputes across the accepted cases, then the ledger (with reversals).
  await exec(sql`create temp table bench_cases as
    select row_number() over (order by submitted_at) - 1 as idx, id, status, accepted_at from requests where accepted_at is not null`);
  await exec(sql`create unique index on bench_cases (idx)`);
  await chunks(
    counts.disputes,
    "disputes",
    (lo, hi) => sql`with n as (select count(*) as n from bench_cases)
      insert into disputes (request_id, counterparty_name, kind, claimed_fen, status, resolution_method, opened_at, closed_at, created_by)
      select c.id, '相对方' || g, (array['receivable', 'rent', 'contract', 'labor', 'ip', 'other']::dispute_kind[])[1 + g % 6], floor(random() * 500000000)::bigint,
        s.status, case when s.status = 'resolved' then 'mediation' end, c.accepted_at + random() * interval '20 days',
        case when s.status in ('resolved', 'unresolved', 'withdrawn') then c.accepted_at + (21 + random() * 150) * interval '1 day' end, ${BENCH_ADMIN_ID}
      from generate_series(${lo}::int, ${hi}::int) g cross join n join bench_cases c on c.idx = (g - 1) % n.n,
        lateral (select case
          when c.status in ('resolved', 'closed') then (array['resolved', 'resolved', 'resolved', 'resolved', 'resolved', 'resolved', 'unresolved', 'withdrawn']::dispute_status[])[1 + g % 8]
          else (array['open', 'negotiating', 'mediating', 'litigating', 'enforcing', 'resolved']::dispute_status[])[1 + g % 6] end as status) s`,
  );
  await exec(
    sql`create temp table bench_disputes as select row_number() over (order by id) - 1 as idx, id, request_id, opened_at, claimed_fen from disputes`,
  );
  await exec(sql`create unique index on bench_disputes (idx)`);
  await chunks(
    originals,
    "ledger entries",
    (lo, hi) => sql`with n as (select count(*) as n from bench_disputes)
      insert into recoveries (dispute_id, request_id, amount_fen, received_on, method, note, recorded_by, recorded_at)
      select d.id, d.request_id, 1 + floor(random() * least(d.claimed_fen, 20000000))::bigint,
        least((d.opened_at + random() * interval '240 days') at time zone 'Asia/Shanghai', now() at time zone 'Asia/Shanghai')::date,
        (array['negotiation', 'mediation', 'judgment', 'arbitration', 'enforcement', 'other']::recovery_method[])[1 + g % 6], '银行回单', ${BENCH_ADMIN_ID}, d.opened_at
      from generate_series(${lo}::int, ${hi}::int) g cross join n join bench_disputes d on d.idx = (g - 1) % n.n`,
  );
  bar.show("reversals");
  await exec(sql`insert into recoveries (dispute_id, request_id, amount_fen, received_on, method, note, reverses_id, reason, recorded_by, recorded_at)
    select o.dispute_id, o.request_id, -o.amount_fen, o.received_on, o.method, o.note, o.id, '录入错误', ${BENCH_ADMIN_ID}, o.recorded_at + interval '1 day'
    from (select * from recoveries order by random() limit ${reversals}) o`);
  await exec(
    sql`update disputes d set recovered_fen = s.total from (select dispute_id, sum(amount_fen) as total from recoveries group by 1) s where s.dispute_id = d.id`,
  );
  bar.advance(reversalWork, "reversals");

  // Case numbers as the trigger gives them: per district and Shanghai year, in filing order.
  bar.show("case numbers");
  await numberRequestsInFilingOrder(exec);
  bar.advance(counts.requests, "case numbers");
  await exec(sql`set session_replication_role = origin`);

  bar.show("report rollups");
  await exec(sql`select report_rollups_rebuild()`);
  await exec(sql`select report_accept_rebuild()`);
  await exec(sql`select ledger_totals_rebuild()`);
  await exec(sql`select report_panel_counts_rebuild()`);
  bar.advance(rollupWork, "report rollups");
  // Routing profiles again, now that the experts have cases, offers and ratings.
  for (let offset = 0; offset < counts.experts; offset += PROFILE_BATCH) {
    bar.show("routing profiles");
    await exec(sql`select refresh_expert_routing_profile(id) from (select id from experts order by id offset ${offset} limit ${PROFILE_BATCH}) e`);
    bar.advance(Math.min(PROFILE_BATCH, counts.experts - offset), "routing profiles");
  }
  bar.show("vacuum analyze");
  await exec(sql`vacuum analyze`);
  await exec(sql`checkpoint`);
  bar.finish();
}
