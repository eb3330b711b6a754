import fc from "fast-check";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { database, db, rowsOf } from "@/db";
import { useTestDatabase } from "@/test/database";
import { createEnterpriseActor } from "@/test/fixtures";
import { planOf, statementsDuring } from "@/test/statement-count";
import { acceptTimes, acceptTimesFromCounts, acceptTimesFromRequests, percentileOfCounts } from "./accept-times";
import { makePeriod } from "./period";
import { reportScope } from "./scope";

useTestDatabase();

/** The values as (value, count) pairs in ascending order, as report_accept_histogram gives them. */
function countsOf(values: number[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b);
}

describe("percentiles from counts", () => {
  it("equal PostgreSQL's percentile_cont over the same times, to the last bit", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 300 }), async (values) => {
        const [row] = rowsOf<{ p50: number; p90: number }>(
          await db.execute(sql`select percentile_cont(0.5) within group (order by v) as p50, percentile_cont(0.9) within group (order by v) as p90
            from unnest(${`{${values.join(",")}}`}::int[]) v`),
        );
        const counts = countsOf(values);
        expect([percentileOfCounts(counts, values.length, 0.5), percentileOfCounts(counts, values.length, 0.9)]).toEqual([
          Number(row!.p50),
          Number(row!.p90),
        ]);
      }),
      { numRuns: 150 },
    );
  });

  it("count a time in whole hours, the same in every path", async () => {
    const [row] = rowsOf<{ a: number; b: number; c: number; d: number }>(
      await db.execute(sql`select accept_hours(0) as a, accept_hours(5399) as b, accept_hours(7 * 3600 + 17 * 60) as c, accept_hours(9000) as d`),
    );
    // 5,399 s is 1.4997 h: 1; 7 h 17 min: 7; 2 h 30 min: halves go up, 3
    expect([row!.a, row!.b, row!.c, row!.d]).toEqual([0, 1, 7, 3]);
  });
});

describe("acceptance times from the counts", () => {
  beforeAll(async () => {
    // 3,000 accepted requests from January to September 2024 spread over every town of the zone, as a town is one of hundreds (every trigger on)
    const filer = await createEnterpriseActor();
    await db.execute(sql`with filer as (select ${filer.enterpriseId}::uuid as enterprise_id, ${filer.userId}::uuid as user_id),
        towns as (select array_agg(code order by code) as a from regions where level = 'town')
      insert into requests (title, category, description, status, region_code, enterprise_id, filed_by_user_id, submitted_at, accepted_at)
      select '货款催收 ' || g, 'debt_collection', '-', 'accepted', towns.a[1 + g % cardinality(towns.a)], filer.enterprise_id, filer.user_id,
        timestamptz '2024-01-01 08:00+08' + (g * interval '2 hours'), timestamptz '2024-01-01 08:00+08' + (g * interval '2 hours') + (g % 97) * interval '1 hour'
      from generate_series(1, 3000) g, filer, towns`);
    await db.execute(sql`analyze requests`);
  });
  const readsOf = (statements: string[], parameters: unknown[][], table: string) =>
    statements.flatMap((text, i) => (text.includes(`from ${table}`) ? [{ text, params: parameters[i]! }] : []));

  it("of a town come from its own counts for whole months, and from its requests by region and filing time for part-months", async () => {
    const town = reportScope({ regionScope: "330421102" });
    // the year: its months' counts of the town (migration 0059), the same times as its requests give
    const year = makePeriod("2024-01-01", "2024-12-31");
    const counted = await statementsDuring(database(), () => acceptTimes("month", year, town));
    expect([...counted.result.values()].reduce((sum, t) => sum + t.accepted, 0)).toBeGreaterThan(0);
    expect(counted.result).toEqual(await acceptTimesFromRequests("month", year, town));
    expect(readsOf(counted.statements, counted.parameters, "requests")).toHaveLength(0);
    expect(readsOf(counted.statements, counted.parameters, "report_accept_histogram_towns")).toHaveLength(1);

    // part-months: the town's requests, through the index on their region and filing time
    const { result, statements, parameters } = await statementsDuring(database(), () =>
      acceptTimes("month", makePeriod("2024-01-15", "2024-12-20"), town),
    );
    expect([...result.values()].reduce((sum, t) => sum + t.accepted, 0)).toBeGreaterThan(0);
    const reads = readsOf(statements, parameters, "requests");
    expect(reads).toHaveLength(1);
    const plan = await planOf(reads[0]!.text, reads[0]!.params, { withoutSeqScans: true });
    expect(plan).toMatch(/Index (Only )?Scan on requests_region_submitted_idx/);
  });

  it("over more than half a year are the year's counts less those of the months it leaves out, the same as the requests give", async () => {
    // March to December 2024: the counts of 2024 less January's and February's (which hold about 700 of the requests)
    const period = makePeriod("2024-03-01", "2024-12-31");
    for (const scope of [reportScope({ regionScope: null }), reportScope({ regionScope: "330421" })])
      for (const dimension of ["all", "expert", "region", "category"] as const) {
        const fromCounts = await acceptTimesFromCounts(dimension, period, scope);
        expect([...fromCounts.values()].reduce((sum, t) => sum + t.accepted, 0)).toBeGreaterThan(0);
        expect(fromCounts, `${scope.regionCode} ${dimension}`).toEqual(await acceptTimesFromRequests(dimension, period, scope));
      }
  });
});
