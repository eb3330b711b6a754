import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as reportsRoute } from "@/app/api/v1/reports/route";
import { database, db, rowsOf } from "@/db";
import type { Actor } from "@/lib/authz";
import { createDispute } from "@/lib/disputes/create-dispute";
import { recordRecovery } from "@/lib/disputes/record-recovery";
import { createAcceptedCase } from "@/test/accepted-case";
import { useTestDatabase } from "@/test/database";
import { createDutySession } from "@/test/duty-fixtures";
import { captureLog } from "@/test/log-capture";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "@/test/fixtures";
import { statementsDuring } from "@/test/statement-count";
import { compactRollups } from "./compact-rollups";
import { forgetKeptRankings, PATCH_AT_MOST, RANKINGS_STORED, STORE_EVERY_CHANGED, STORE_EVERY_GENERATIONS } from "./compacted-ranking";
import { rankedExperts, reportSpans, yearOfSpans } from "./expert-ranking";
import { getReport, type Report } from "./get-report";
import { makePeriod, monthStartsOf, type Period } from "./period";
import { reportScope } from "./scope";

useTestDatabase();

/*
 * The report by expert a page at a time (lib/reports/expert-ranking.ts) against the whole report
 * computed at once: every page of every size, for a calendar year (read from the yearly rows, with
 * the uncompacted shards merged in, and again after compaction) and for other periods and scopes
 * (ranked in full), is the same rows in the same order as the matching slice of the whole.
 */
describe("the report by expert, a page at a time", () => {
  const YEAR = makePeriod("2025-01-01", "2025-12-31");
  // 2027 so far: January to April is answered by the yearly rows (nothing later in the year), January alone is not
  const SO_FAR = makePeriod("2027-01-01", "2027-04-30");
  const JANUARY = makePeriod("2027-01-01", "2027-01-31");
  const periods = [
    YEAR,
    makePeriod("2025-03-01", "2025-08-31"),
    makePeriod("2025-01-01", "2026-12-31"),
    // months of 2025, the whole of 2026 and 2027 so far: yearly rows and monthly ones summed
    makePeriod("2025-07-01", "2027-04-30"),
    // eleven months of 2025: its yearly rows less January's
    makePeriod("2025-02-01", "2025-12-31"),
    makePeriod("2025-02-10", "2025-11-20"),
    SO_FAR,
    JANUARY,
  ];
  const scopes: (string | null)[] = [null, "330421", "330400", "330421001"];
  const admins = new Map<string | null, Actor>();
  let experts: Actor[];
  let dutyOnly: Actor;
  // whether a look ranked the period's compacted rows whole (rather than took a kept or stored ranking)
  const rankedAgain = (statements: string[]) => statements.some((text) => text.includes("order by f::bigint desc"));
  const generation = async () =>
    Number(rowsOf<{ g: string }>(await db.execute(sql`select generation::text as g from report_expert_generation`))[0]!.g);
  /** The generations of the stored rankings. */
  const storedAt = async () =>
    rowsOf<{ g: string }>(await db.execute(sql`select generation::text as g from report_expert_rankings`)).map((r) => Number(r.g));

  beforeAll(async () => {
    for (const scope of scopes) admins.set(scope, await createAdminActor(scope));
    const admin = admins.get(null)!;
    const enterprise = await createEnterpriseActor();
    experts = [];
    for (let i = 0; i < 9; i++) experts.push(await createExpertActor({ name: `排名专家${i}` }));
    dutyOnly = await createExpertActor({ name: "坐诊专家" });
    const regions = ["330421001", "330424", "310118", "330421"];
    // ties on purpose: several experts with the same number of requests and nothing recovered
    for (let i = 0; i < 30; i++) {
      const expert = experts[(i * 7) % experts.length]!;
      const month = (i * 5) % 24;
      const submittedAt = new Date(`${2025 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}-1${i % 9}T10:00:00+08:00`);
      const requestId = await createAcceptedCase({ enterprise, expert, regionCode: regions[i % regions.length], submittedAt });
      if (i % 3 === 0) {
        const dispute = await createDispute(admin, requestId, { counterpartyName: `相对方${i}`, kind: "receivable", claimedFen: 100_000n });
        await recordRecovery(admin, dispute.id, {
          amountFen: BigInt(1_000 * (i % 4)) + 1n,
          receivedOn: submittedAt.toISOString().slice(0, 10),
          method: "negotiation",
          confirmOverClaim: true,
        });
      }
    }
    for (let i = 0; i < 6; i++) {
      const submittedAt = new Date(`2027-0${1 + (i % 3)}-0${1 + i}T10:00:00+08:00`);
      await createAcceptedCase({ enterprise, expert: experts[i % 4]!, regionCode: regions[i % regions.length], submittedAt });
    }
    const staff = await createStationActor("330421002");
    await createDutySession({
      stationId: staff.stationId!,
      plannedBy: staff.userId,
      expertId: dutyOnly.expertId!,
      date: "2025-05-06",
      period: "am",
      status: "held",
    });
    await createDutySession({
      stationId: staff.stationId!,
      plannedBy: staff.userId,
      expertId: experts[1]!.expertId!,
      date: "2025-06-03",
      period: "day",
      status: "held",
    });
  });

  const pagesEqualTheWhole = async () => {
    for (const [scope, admin] of admins)
      for (const period of periods) {
        const whole = await getReport(admin, { groupBy: "expert", period }, "zh-CN");
        expect(whole.total).toBe(whole.rows.length);
        for (const pageSize of [1, 2, 3, 7, 50]) {
          const pages: Report["rows"] = [];
          for (let page = 1; page <= Math.ceil(whole.total / pageSize) + 1; page++) {
            const part = await getReport(admin, { groupBy: "expert", period, paging: { page, pageSize } }, "zh-CN");
            expect(part.total, `${scope} ${period.from}..${period.to}`).toBe(whole.total);
            expect(part.totals).toEqual(whole.totals);
            pages.push(...part.rows);
          }
          expect(pages, `${scope} ${period.from}..${period.to} by ${pageSize}`).toEqual(whole.rows);
        }
      }
  };

  it("pages through the same rows in the same order as the whole report, before and after compaction", async () => {
    const deltas = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from report_expert_years where shard > 0`))[0]!.n;
    expect(deltas).toBeGreaterThan(0);
    await pagesEqualTheWhole();
    await compactRollups();
    await pagesEqualTheWhole();
    const whole = await getReport(admins.get(null)!, { groupBy: "expert", period: YEAR }, "zh-CN");
    // the expert with duty days only comes last, and the ranked ones by requests, then money
    expect(whole.rows.at(-1)).toMatchObject({ key: dutyOnly.expertId, requests: 0, sessionsHeld: 1 });
    expect(whole.rows.slice(0, -1).every((r, i, all) => i === 0 || all[i - 1]!.requests >= r.requests)).toBe(true);
  }, 120_000);

  it("keeps a period's ranking of the compacted rows up to date: a filing counts at once, and still after the compaction and a rebuild", async () => {
    const enterprise = await createEnterpriseActor();
    const [zone, county] = [admins.get(null)!, admins.get("330421")!];
    const looks = [makePeriod("2025-03-01", "2025-08-31"), makePeriod("2024-12-01", "2026-06-30")].flatMap((period) =>
      [zone, county].map((admin) => ({ admin, period })),
    );
    const firstPage = ({ admin, period }: (typeof looks)[number]) =>
      getReport(admin, { groupBy: "expert", period, paging: { page: 1, pageSize: 3 } }, "zh-CN");
    const whole = ({ admin, period }: (typeof looks)[number]) => getReport(admin, { groupBy: "expert", period }, "zh-CN");
    const requestsOf = (report: Report, key: string) => report.rows.find((r) => r.key === key)?.requests ?? 0;
    await compactRollups();
    for (const look of looks) expect((await firstPage(look)).rows).toEqual((await whole(look)).rows.slice(0, 3));

    // eight more cases for the last of the experts in April 2025 (first in both periods then): written to a shard, the compacted rows unchanged
    const before = await generation();
    const last = experts.at(-1)!.expertId!;
    const counted = await Promise.all(looks.map(async (look) => requestsOf(await whole(look), last)));
    for (let i = 0; i < 8; i++)
      await createAcceptedCase({
        enterprise,
        expert: experts.at(-1)!,
        regionCode: "330421001",
        submittedAt: new Date(`2025-04-2${i}T10:00:00+08:00`),
      });
    expect(await generation()).toBe(before);
    for (const [i, look] of looks.entries()) {
      const page = await firstPage(look);
      expect(page.rows).toEqual((await whole(look)).rows.slice(0, 3));
      expect(page.rows[0]).toMatchObject({ key: last, requests: counted[i]! + 8 });
    }

    // the compaction folds them into the compacted rows and writes down whose it changed (migration
    // 0060): the kept rankings take that expert out and put them back in their place, not ranked again
    await compactRollups();
    expect(await generation()).not.toBe(before);
    const logged = rowsOf<{ key: string }>(await db.execute(sql`select distinct key from report_expert_changes where generation > ${before}`));
    expect(logged.map((r) => r.key)).toContain(last);
    for (const look of looks) {
      const { result: page, statements } = await statementsDuring(database(), () => firstPage(look));
      expect(rankedAgain(statements)).toBe(false);
      expect(page.rows).toEqual((await whole(look)).rows.slice(0, 3));
      expect(page.rows[0]!.key).toBe(last);
    }

    // a rebuild of the rollups leaves no log to follow: every ranking is worked out again, the same
    await db.execute(sql`select report_rollups_rebuild()`);
    for (const look of looks) {
      const { result: page, statements } = await statementsDuring(database(), () => firstPage(look));
      expect(rankedAgain(statements)).toBe(true);
      expect(page.rows).toEqual((await whole(look)).rows.slice(0, 3));
    }
    // inside a transaction (which may change the compacted rows itself) nothing kept is read
    const inTransaction = await db.transaction((tx) => rankedExperts(looks[0]!.period, reportScope(zone), 3, tx));
    expect(inTransaction.top.map((r) => r.key)).toEqual((await firstPage(looks[0]!)).rows.map((r) => r.key));
  });

  it("lets a process without a ranking of its own take the one another stored, brought up to date from the log", async () => {
    const zone = admins.get(null)!;
    const periods = [makePeriod("2025-04-01", "2025-09-30"), makePeriod("2024-11-01", "2026-02-28")];
    const firstPage = (period: Period) => getReport(zone, { groupBy: "expert", period, paging: { page: 1, pageSize: 3 } }, "zh-CN");
    const whole = (period: Period) => getReport(zone, { groupBy: "expert", period }, "zh-CN");
    await compactRollups();
    for (const period of periods) {
      const { statements } = await statementsDuring(database(), () => firstPage(period));
      expect(rankedAgain(statements)).toBe(true);
    }
    expect(await storedAt()).toContain(await generation());

    // as a new process: the stored rankings, not the roster ranked again
    forgetKeptRankings();
    for (const period of periods) {
      const { result: page, statements } = await statementsDuring(database(), () => firstPage(period));
      expect(rankedAgain(statements)).toBe(false);
      expect(page.rows).toEqual((await whole(period)).rows.slice(0, 3));
    }

    // a compaction since they were stored: the experts it changed are put back in their places
    const enterprise = await createEnterpriseActor();
    const expert = experts[2]!;
    for (let i = 0; i < 12; i++)
      await createAcceptedCase({ enterprise, expert, regionCode: "330424", submittedAt: new Date(`2025-05-1${i % 10}T09:00:00+08:00`) });
    await compactRollups();
    forgetKeptRankings();
    for (const period of periods) {
      const { result: page, statements } = await statementsDuring(database(), () => firstPage(period));
      expect(rankedAgain(statements)).toBe(false);
      expect(page.rows).toEqual((await whole(period)).rows.slice(0, 3));
      expect(page.rows[0]!.key).toBe(expert.expertId);
    }

    // what cannot be read is ranked again and stored over, at the same generation
    await db.execute(
      sql`update report_expert_rankings set ranking = 'not a ranking', generation = (select generation from report_expert_generation)`,
    );
    forgetKeptRankings();
    const logged = captureLog("warn");
    try {
      for (const period of periods) {
        const { result: page, statements } = await statementsDuring(database(), () => firstPage(period));
        expect(rankedAgain(statements)).toBe(true);
        expect(page.rows).toEqual((await whole(period)).rows.slice(0, 3));
      }
    } finally {
      logged.restore();
    }
    expect(logged.messages()).toEqual(periods.map(() => "the report by expert could not read a stored ranking"));
    forgetKeptRankings();
    const { statements: afterwards } = await statementsDuring(database(), () => firstPage(periods[0]!));
    expect(rankedAgain(afterwards)).toBe(false);

    // only the last RANKINGS_STORED are kept: one month each of 2021 and 2022
    for (let i = 0; i < RANKINGS_STORED + 4; i++) {
      const [year, month] = [2021 + Math.floor(i / 12), (i % 12) + 1];
      const lastDay = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
      await firstPage(makePeriod(`${year}-${String(month).padStart(2, "0")}-01`, lastDay));
    }
    expect((await storedAt()).length).toBe(RANKINGS_STORED);
  });

  it("stores a ranking brought up to date again before the log stops reaching back to the stored one", async () => {
    const zone = admins.get(null)!;
    const period = makePeriod("2025-02-01", "2025-10-31");
    const firstPage = () => getReport(zone, { groupBy: "expert", period, paging: { page: 1, pageSize: 3 } }, "zh-CN");
    // `times` statements that each change one expert's compacted rows, as as many compactions would
    const changes = (times: number) =>
      db.execute(
        sql.raw(`do $$ begin for i in 1..${times} loop
        update report_expert_years set requests_filed = requests_filed
        where shard = 0 and key = (select key from report_expert_years where shard = 0 and county = '' order by key limit 1);
      end loop; end $$`),
      );
    await compactRollups();
    await firstPage();
    const first = await generation();
    expect(await storedAt()).toContain(first);

    // brought up to date from the log; stored again only once half the log's reach ahead
    await changes(STORE_EVERY_GENERATIONS - 1);
    expect(rankedAgain((await statementsDuring(database(), firstPage)).statements)).toBe(false);
    expect(await storedAt()).not.toContain(await generation());
    await changes(1);
    expect(rankedAgain((await statementsDuring(database(), firstPage)).statements)).toBe(false);
    expect(await storedAt()).toContain(first + STORE_EVERY_GENERATIONS);

    // more than the log keeps since the first store: a new process still brings the stored one up to date
    await changes(600);
    forgetKeptRankings();
    const { result: page, statements } = await statementsDuring(database(), firstPage);
    expect(rankedAgain(statements)).toBe(false);
    expect(page.rows).toEqual((await getReport(zone, { groupBy: "expert", period }, "zh-CN")).rows.slice(0, 3));
  });

  it("stores a ranking again once 2,048 experts were put back, and works it out again when more than 4,096 (and half of it) changed since", async () => {
    const zone = admins.get(null)!;
    const period = makePeriod("2025-04-01", "2025-09-30");
    const firstPage = () => getReport(zone, { groupBy: "expert", period, paging: { page: 1, pageSize: 3 } }, "zh-CN");
    const ranksAgain = async () => rankedAgain((await statementsDuring(database(), firstPage)).statements);
    // `n` experts' compacted rows of another year, in one statement (each logged: at most 4,096)
    let batch = 0;
    const changedExperts = (n: number) =>
      db.execute(sql`insert into report_expert_years (year, county, key, shard)
        select '1999-01-01', '', ${`many-${batch++}-`} || g, 0 from generate_series(1, ${n}) g`);
    await compactRollups();
    await firstPage();
    expect(await storedAt()).toContain(await generation());

    // put back, and stored again once 2,048 were, long before 512 generations
    await changedExperts(STORE_EVERY_CHANGED - 1);
    expect(await ranksAgain()).toBe(false);
    expect(await storedAt()).not.toContain(await generation());
    await changedExperts(1);
    expect(await ranksAgain()).toBe(false);
    expect(await storedAt()).toContain(await generation());

    // 4,097 since the stored copy: a process taking it works the ranking out again, as does one keeping its own
    const whole = (await getReport(zone, { groupBy: "expert", period }, "zh-CN")).rows.slice(0, 3);
    for (const newProcess of [true, false]) {
      await changedExperts(PATCH_AT_MOST / 2);
      await changedExperts(PATCH_AT_MOST / 2 + 1);
      if (newProcess) forgetKeptRankings();
      expect(await ranksAgain()).toBe(true);
      expect((await firstPage()).rows).toEqual(whole);
    }
    // a few: put back
    await changedExperts(10);
    expect(await ranksAgain()).toBe(false);
    expect((await firstPage()).rows).toEqual(whole);
    await db.execute(sql`delete from report_expert_years where year = '1999-01-01'`);
  });

  it("starts the log of changed experts again when one statement changes more than 4,096 of them", async () => {
    const state = async () => {
      const [row] = rowsOf<{ g: string; after: string; logged: number }>(
        await db.execute(sql`select generation::text as g, logged_after::text as after,
          (select count(*)::int from report_expert_changes c where c.generation = report_expert_generation.generation) as logged
          from report_expert_generation`),
      );
      return { generation: Number(row!.g), loggedAfter: Number(row!.after), logged: row!.logged };
    };
    const compactedRows = (n: number) =>
      db.execute(sql`insert into report_expert_years (year, county, key, shard)
        select '1999-01-01', '', ${`test-${n}-`} || g, 0 from generate_series(1, ${n}) g`);
    await compactedRows(4096);
    const few = await state();
    expect(few.logged).toBe(4096);
    expect(few.loggedAfter).toBeLessThan(few.generation);
    // one more: the rankings are worked out again rather than 4,097 experts put back one by one
    await compactedRows(4097);
    expect(await state()).toEqual({ generation: few.generation + 1, loggedAfter: few.generation + 1, logged: 0 });
    expect(rowsOf(await db.execute(sql`select 1 from report_expert_changes where generation <= ${few.generation + 1}`))).toEqual([]);
    await db.execute(sql`delete from report_expert_years where year = '1999-01-01'`);
  });

  it("reads a year so far from the yearly rows only while the rest of the year is empty", async () => {
    for (const scope of [null, "330421", "3304"]) {
      const inScope = { regionCode: scope, prefix: scope, regionLevel: scope?.length === 6 ? "town" : "county" } as const;
      const yearOfYearlyRows = async (period: Period) => yearOfSpans(await reportSpans(period, inScope, db));
      expect(await yearOfYearlyRows(YEAR)).toBe("2025-01-01");
      expect(await yearOfYearlyRows(SO_FAR)).toBe("2027-01-01");
      expect(await yearOfYearlyRows(JANUARY)).toBeNull();
      expect(await yearOfYearlyRows(makePeriod("2025-01-01", "2025-11-30"))).toBeNull();
    }
    // a town is finer than the yearly rows: its months
    const town = await reportSpans(YEAR, { regionCode: "330421001", prefix: "330421001", regionLevel: "town" }, db);
    expect(town).toEqual({ years: [], months: monthStartsOf(YEAR), less: [] });
  });

  it("keeps the yearly rows equal to the sums of the monthly ones, and to a rebuild", async () => {
    const compare = async () =>
      rowsOf<{ key: string; month: string; county: string; yearly: string; monthly: string }>(
        await db.execute(sql`
          with yearly as (
            select key, year as month, county, sum(requests_filed) as f, sum(recovered_fen) as rf, sum(claimed_fen) as c, sum(disputes_opened) as o
            from report_expert_years group by 1, 2, 3),
          monthly as (
            select key, date_trunc('year', month)::date as month, c.county, sum(requests_filed) as f, sum(recovered_fen) as rf, sum(claimed_fen) as c,
              sum(disputes_opened) as o
            from report_rollups, lateral (values (left(region_code, 6)), ('')) c(county) where dimension = 'expert' group by 1, 2, 3)
          select coalesce(y.key, m.key) as key, coalesce(y.month, m.month)::text as month, coalesce(y.county, m.county) as county,
            concat_ws('/', y.f, y.rf, y.c, y.o) as yearly, concat_ws('/', m.f, m.rf, m.c, m.o) as monthly
          from yearly y full join monthly m on m.key = y.key and m.month = y.month and m.county = y.county
          where y.key is null or m.key is null or (y.f, y.rf, y.c, y.o) is distinct from (m.f, m.rf, m.c, m.o)`),
      );
    expect(await compare()).toEqual([]);
    const snapshot = async () =>
      rowsOf<Record<string, string>>(
        await db.execute(sql`select key, year::text, county, sum(requests_filed)::text as f, sum(recovered_fen)::text as rf
          from report_expert_years group by 1, 2, 3
          having sum(requests_filed) <> 0 or sum(requests_resolved) <> 0 or sum(disputes_opened) <> 0 or sum(disputes_resolved) <> 0
            or sum(claimed_fen) <> 0 or sum(recovered_fen) <> 0
          order by 1, 2, 3`),
      );
    // the kept number of experts with figures among the compacted rows, against a count of them
    const counts = async () =>
      rowsOf<Record<string, string>>(
        await db.execute(sql`
          select coalesce(k.year, c.year)::text as year, coalesce(k.county, c.county) as county, k.experts::text as kept, c.n::text as counted
          from report_expert_year_counts k full join (
            select year, county, count(*) as n from report_expert_years
            where shard = 0 and (requests_filed <> 0 or requests_resolved <> 0 or disputes_opened <> 0 or disputes_resolved <> 0
              or claimed_fen <> 0 or recovered_fen <> 0)
            group by 1, 2) c on c.year = k.year and c.county = k.county
          where coalesce(k.experts, 0) <> coalesce(c.n, 0)`),
      );
    expect(await counts()).toEqual([]);
    const kept = await snapshot();
    await db.execute(sql`select report_rollups_rebuild()`);
    expect(await snapshot()).toEqual(kept);
    expect(await counts()).toEqual([]);
  });

  it("keeps the experts' rows per county and for the zone equal to their rows per region summed", async () => {
    const compare = async () =>
      rowsOf<Record<string, string>>(
        await db.execute(sql`
          with kept as (
            select key, month, region_code as county, sum(requests_filed) as f, sum(requests_resolved) as rr, sum(disputes_opened) as o,
              sum(disputes_resolved) as dr, sum(claimed_fen) as c, sum(recovered_fen) as rf
            from report_rollups where dimension = 'expert_county' group by 1, 2, 3),
          summed as (
            select key, month, c.county, sum(requests_filed) as f, sum(requests_resolved) as rr, sum(disputes_opened) as o,
              sum(disputes_resolved) as dr, sum(claimed_fen) as c, sum(recovered_fen) as rf
            from report_rollups, lateral (values (left(region_code, 6)), ('')) c(county) where dimension = 'expert' group by 1, 2, 3)
          select coalesce(k.key, s.key) as key, coalesce(k.month, s.month)::text as month, coalesce(k.county, s.county) as county
          from kept k full join summed s on s.key = k.key and s.month = k.month and s.county = k.county
          where (k.f, k.rr, k.o, k.dr, k.c, k.rf) is distinct from (s.f, s.rr, s.o, s.dr, s.c, s.rf)`),
      );
    expect(await compare()).toEqual([]);
    // the towns' own rows are there too: the county's rows sum its own and its towns'
    const [towns] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from report_rollups where dimension = 'expert' and length(region_code) = 9`),
    );
    expect(towns!.n).toBeGreaterThan(0);
    await compactRollups();
    expect(await compare()).toEqual([]);
  });

  it("answers a page through the API, with its number, size and the report's row count", async () => {
    const token = await bearerFor(admins.get(null)!);
    const get = async (query: string) =>
      reportsRoute(new Request(`http://localhost/api/v1/reports?${query}`, { headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({}),
      });
    const whole = (await (await get("groupBy=expert&from=2025-01&to=2025-12")).json()) as {
      rows: { key: string }[];
      total: number;
      pageSize: number;
    };
    expect(whole.pageSize).toBe(500);
    expect(whole.rows.length).toBe(whole.total);
    const second = (await (await get("groupBy=expert&from=2025-01&to=2025-12&page=2&pageSize=3")).json()) as {
      rows: { key: string }[];
      page: number;
      pageSize: number;
      total: number;
    };
    expect(second).toMatchObject({ page: 2, pageSize: 3, total: whole.total });
    expect(second.rows.map((r) => r.key)).toEqual(whole.rows.slice(3, 6).map((r) => r.key));
    for (const bad of ["pageSize=501", "pageSize=0", "page=0", "page=x"]) expect((await get(`groupBy=expert&${bad}`)).status).toBe(422);
  });
});
