import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { expertPeople } from "@/db/seed/demo-data";

const surnames = [...new Set(expertPeople.map(([name]) => name.slice(0, 1))), "赵", "刘", "黄", "林", "何", "罗"];
const givenNames = [...new Set(expertPeople.map(([name]) => name.slice(1)))];
const titles = [...new Set(expertPeople.map(([, title]) => title))];
const cities = ["浙江嘉善", "上海青浦", "江苏吴江", "浙江嘉兴", "苏州", "上海", "杭州", "南京", "宁波", "合肥", "湖州", "无锡", "昆山", "上海松江"];
const firmNames = [
  "正道",
  "汇通",
  "明理",
  "禾城",
  "丝路",
  "申浦",
  "明德",
  "钟山",
  "甬江",
  "包河",
  "南湖",
  "金诚",
  "天册",
  "锦天城",
  "大成",
  "中伦",
  "君合",
  "德恒",
  "隆安",
  "海润",
];
const bodies = ["律师事务所", "律师事务所", "律师事务所", "律师事务所", "人民调解委员会", "仲裁委员会", "公证处"];
const skills = [
  "商事合同",
  "债权清收",
  "欠款催收",
  "劳动用工",
  "知识产权",
  "公司治理",
  "矛盾调解",
  "买卖合同纠纷",
  "房屋租赁",
  "直播电商",
  "跨境贸易（English）",
  "企业合规",
  "股权纠纷",
  "建设工程",
  "金融借款",
  "担保纠纷",
  "破产重整",
  "行政复议",
  "信访化解",
  "涉外仲裁",
  "数据合规",
  "商标保护",
  "M&A 并购",
  "追讨货款",
];
// Weighted towards what is asked for most, as in the routing benchmark.
const specialtyPool = [
  ...["debt_collection", "debt_collection", "contract", "contract", "contract", "labor", "lease", "corporate"],
  ...["ecommerce", "ip", "mediation", "finance", "compliance", "petition", "administrative"],
];
const servedPool = ["330421", "330421", "310118", "320509", "330400", "310000"];

const pick = (pool: readonly string[]) =>
  sql`(array[${sql.join(
    pool.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[])[1 + floor(random() * ${pool.length})::int]`;

/**
 * For tests and benchmarks only: `count` more experts with Chinese profiles drawn from the demo's
 * vocabulary (name, title, firm, a bio naming three skills), 1-3 specialties and served regions, a
 * current term (a few suspended or pending), written in a few set-based statements with the
 * triggers off; then their routing profiles and search grams are computed once. Repeatable with
 * `seed` (PostgreSQL's setseed).
 */
export async function addCrowdOfExperts(tx: Tx, count: number, seed = 0.2026): Promise<void> {
  const tag = `CROWD-${randomBytes(3).toString("hex")}-`;
  await tx.execute(sql`select setseed(${seed})`);
  await tx.execute(sql`set local session_replication_role = replica`);
  await tx.execute(sql`with u as (
      insert into users (email, password_hash, role, name)
      select ${tag}::text || g || '@crowd.example', '-', 'expert', '-' from generate_series(1, ${count}) g
      returning id
    ), p as (
      select u.id, ${pick(surnames)} || ${pick(givenNames)} as name, ${pick(titles)} as title,
        ${pick(cities)} || ${pick(firmNames)} || ${pick(bodies)} as organization,
        ${pick(skills)} as s1, ${pick(skills)} as s2, ${pick(skills)} as s3,
        3 + floor(random() * 30)::int as years, current_date - floor(random() * 900)::int as term_start, random() as r
      from u
    ), counties as (select array_agg(code order by code) as a from regions where level = 'county')
    insert into experts (user_id, status, name, title, organization, license_number, home_region_code, years_of_practice, bio,
      languages, service_modes, capacity, term_start, term_end)
    select p.id, case when p.r < 0.03 then 'suspended' when p.r < 0.05 then 'pending' else 'active' end::expert_status,
      p.name, p.title, p.organization, ${tag}::text || p.id, counties.a[1 + floor(random() * cardinality(counties.a))::int], p.years,
      p.organization || p.title || '，执业 ' || p.years || ' 年，服务长三角示范区企业，擅长' || p.s1 || '、' || p.s2 || '，熟悉' || p.s3 || '。',
      case when random() < 0.4 then array['zh', 'wu'] else array['zh'] end, '{onsite,online}'::service_mode[], 5,
      p.term_start, (p.term_start + interval '3 years')::date
    from p, counties`);
  const crowd = sql`(select id from experts where license_number like ${`${tag}%`})`;
  await tx.execute(sql`insert into expert_specialties (expert_id, specialty_code)
    select e.id, ${pick(specialtyPool)}
    from ${crowd} e, generate_series(1, 3) k where k = 1 or random() < 0.45
    on conflict do nothing`);
  await tx.execute(sql`insert into expert_regions (expert_id, region_code)
    select e.id, ${pick(servedPool)} from ${crowd} e, generate_series(1, 3) k where k = 1 or random() < 0.3
    on conflict do nothing`);
  await tx.execute(sql`set local session_replication_role = origin`);
  await tx.execute(sql`select refresh_expert_routing_profile(e.id) from ${crowd} e`);
  await tx.execute(sql`select refresh_expert_search_grams(array${crowd})`);
}

/**
 * For tests only: `cases` resolved or closed cases (closed ones rated 1-5) filed by the first
 * enterprise with an account and assigned to experts drawn at random, with every trigger on, so the
 * routing profiles count them as the application's writes would. Repeatable with `seed`.
 */
export async function addCrowdTrackRecords(tx: Tx, cases: number, seed = 0.17): Promise<void> {
  await tx.execute(sql`select setseed(${seed})`);
  await tx.execute(sql`with filer as (select enterprise_id, id as user_id from users where enterprise_id is not null order by email limit 1),
      pool as (select array_agg(id order by id) as a from experts),
      c as (select g, random() < 0.6 as closed, pool.a[1 + floor(random() * cardinality(pool.a))::int] as expert_id, 1 + floor(random() * 5)::int as stars
        from generate_series(1, ${cases}) g, pool)
    insert into requests (title, category, description, status, region_code, enterprise_id, filed_by_user_id, assigned_expert_id,
      rating, accepted_at, resolved_at, closed_at)
    select '货款催收 ' || c.g, 'debt_collection', '-', case when c.closed then 'closed' else 'resolved' end::request_status, '330421',
      filer.enterprise_id, filer.user_id, c.expert_id, case when c.closed then c.stars end, now(), now(), case when c.closed then now() end
    from c, filer`);
}
