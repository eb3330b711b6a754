import fc from "fast-check";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import { useTestDatabase } from "@/test/database";
import { percentileOfCounts } from "./accept-times";

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
