import { sql } from "drizzle-orm";
import { db, rowsOf, type DbOrTx } from "@/db";
import { arrayLiteral } from "@/db/array-literal";
import { acceptTimes, histogramInScope, timesFromCounts, type AcceptTimes } from "./accept-times";
import { countyInScope, groupedFigures, type Figures } from "./figures";
import type { Period } from "./period";
import { rollupServes, type ReportScope } from "./scope";

/*
 * The report by expert, best first, a page at a time. Experts with figures in the period are ranked
 * by requests filed, then money recovered (both descending), then their id; a region of 100,000
 * experts is not summed and sorted for a page of fifty. For one calendar year (or this year so far)
 * and the whole zone or one county, report_expert_years (migration 0043) is read in that order from an index of the
 * compacted rows, merged with the few rows written since the last compaction; any other period or
 * scope ranks the grouped figures in full (exact, slower).
 */

export interface RankedExperts {
  /** The first `limit` experts with figures, in the report's order. */
  top: { key: string; figures: Figures }[];
  /** How many experts have figures in the period. */
  count: number;
  /** Which of `keys` have figures in the period. */
  ranked(keys: string[]): Promise<Set<string>>;
}

export const hasFigures = (f: Figures) =>
  f.requests !== 0 || f.requestsResolved !== 0 || f.disputesOpened !== 0 || f.disputesResolved !== 0 || f.claimedFen !== 0n || f.recoveredFen !== 0n;

/** The report's order of experts with figures: requests, then money recovered (descending), then the key. */
export const byRank = (a: { key: string } & Figures, b: { key: string } & Figures) =>
  b.requests - a.requests ||
  (b.recoveredFen > a.recoveredFen ? 1 : b.recoveredFen < a.recoveredFen ? -1 : 0) ||
  (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The year whose yearly rows answer the period, and the county row they are read from; null when they
 * cannot. They hold a whole calendar year, so they answer January to December, and January to an
 * earlier month while the later months of the year have no rollup rows in the scope (this year so
 * far: the dashboard's default period, any month of the year).
 */
export async function yearlyRowsServe(period: Period, scope: ReportScope, handle: DbOrTx): Promise<{ year: string; county: string } | null> {
  const year = period.fromMonth.slice(0, 4);
  const fromJanuary = period.isWholeMonths && period.fromMonth === `${year}-01-01` && period.toMonth.startsWith(year);
  if (!fromJanuary || !(scope.prefix === null || scope.prefix.length === 6)) return null;
  if (period.toMonth !== `${year}-12-01`) {
    const later = await handle.execute(sql`
      select 1 from report_rollups
      where dimension = 'expert' and month > ${period.toMonth}::date and month < ${`${Number(year) + 1}-01-01`}::date ${countyInScope(scope)}
      limit 1`);
    if (rowsOf(later).length) return null;
  }
  return { year: `${year}-01-01`, county: scope.prefix ?? "" };
}

interface YearRow {
  key: string;
  f: string;
  rr: string;
  o: string;
  dr: string;
  c: string;
  rf: string;
}

const toFigures = (r: YearRow): Figures => ({
  requests: Number(r.f),
  requestsResolved: Number(r.rr),
  disputesOpened: Number(r.o),
  disputesResolved: Number(r.dr),
  claimedFen: BigInt(r.c),
  recoveredFen: BigInt(r.rf),
});

const nonZero = sql.raw(
  "(requests_filed <> 0 or requests_resolved <> 0 or disputes_opened <> 0 or disputes_resolved <> 0 or claimed_fen <> 0 or recovered_fen <> 0)",
);

/** The first `limit` experts of the period (and how many there are), best first. */
export async function rankedExperts(period: Period, scope: ReportScope, limit: number, handle: DbOrTx = db): Promise<RankedExperts> {
  const yearly = await yearlyRowsServe(period, scope, handle);
  return yearly ? rankedFromYearlyRows(yearly, limit, handle) : rankedInFull(period, scope, limit, handle);
}

async function rankedInFull(period: Period, scope: ReportScope, limit: number, handle: DbOrTx): Promise<RankedExperts> {
  const figures = await groupedFigures("expert", period, scope, handle);
  const all = [...figures].filter(([, f]) => hasFigures(f)).map(([key, f]) => ({ key, ...f }));
  all.sort(byRank);
  const keys = new Set(all.map((r) => r.key));
  return {
    top: all.slice(0, limit).map(({ key, ...f }) => ({ key, figures: f })),
    count: all.length,
    ranked: async (candidates) => new Set(candidates.filter((k) => keys.has(k))),
  };
}

async function rankedFromYearlyRows({ year, county }: { year: string; county: string }, limit: number, handle: DbOrTx): Promise<RankedExperts> {
  const rows = sql`report_expert_years where year = ${year}::date and county = ${county}`;
  // the rows written since the last compaction, added to their compacted row: a few hundred at most;
  // the count is the compacted rows' (report_expert_year_counts), with those keys counted again merged
  const merged = sql`
    deltas as (select distinct key from ${rows} and shard > 0),
    merged as (
      select key, sum(requests_filed) as requests_filed, sum(requests_resolved) as requests_resolved, sum(disputes_opened) as disputes_opened,
        sum(disputes_resolved) as disputes_resolved, sum(claimed_fen) as claimed_fen, sum(recovered_fen) as recovered_fen
      from ${rows} and key in (select key from deltas) group by key
    )`;
  const figures = sql.raw(
    "key, requests_filed::text as f, requests_resolved::text as rr, disputes_opened::text as o, disputes_resolved::text as dr, claimed_fen::text as c, recovered_fen::text as rf",
  );
  const [topRows, countRows] = await Promise.all([
    handle.execute(sql`
      with ${merged},
      compacted as (
        select ${figures} from ${rows} and shard = 0 and ${nonZero} and key not in (select key from deltas)
        order by requests_filed desc nulls last, recovered_fen desc nulls last, key limit ${limit}
      )
      select * from compacted
      union all
      select ${figures} from merged where ${nonZero}`),
    handle.execute(sql`
      with ${merged}
      select coalesce((select experts from report_expert_year_counts where year = ${year}::date and county = ${county}), 0)
        - (select count(*) from ${rows} and shard = 0 and ${nonZero} and key in (select key from deltas))
        + (select count(*) from merged where ${nonZero}) as n`),
  ]);
  const top = rowsOf<YearRow>(topRows)
    .map((r) => ({ key: r.key, ...toFigures(r) }))
    .sort(byRank)
    .slice(0, limit)
    .map(({ key, ...f }) => ({ key, figures: f }));
  return {
    top,
    count: Number(rowsOf<{ n: string }>(countRows)[0]!.n),
    ranked: async (candidates) => {
      if (!candidates.length) return new Set();
      const found = rowsOf<{ key: string }>(
        await handle.execute(sql`
          select key from ${rows} and key = any(${arrayLiteral(candidates)}::text[]) group by key
          having sum(requests_filed) <> 0 or sum(requests_resolved) <> 0 or sum(disputes_opened) <> 0 or sum(disputes_resolved) <> 0
            or sum(claimed_fen) <> 0 or sum(recovered_fen) <> 0`),
      );
      return new Set(found.map((r) => r.key));
    },
  };
}

/**
 * The acceptance times of some experts (a page): from their counts for whole months and a county or
 * wider, else `acceptTimes` of every expert, picked.
 */
export async function expertAcceptTimes(keys: string[], period: Period, scope: ReportScope, handle: DbOrTx = db): Promise<Map<string, AcceptTimes>> {
  if (!keys.length) return new Map();
  if (!rollupServes(scope, period)) {
    const times = await acceptTimes("expert", period, scope, handle);
    return new Map(keys.filter((k) => times.has(k)).map((k) => [k, times.get(k)!]));
  }
  const rows = rowsOf<{ key: string; hours: number; requests: number }>(
    await handle.execute(sql`
      select key, hours, sum(requests)::int as requests
      from report_accept_histogram
      where dimension = 'expert' and key = any(${arrayLiteral(keys)}::text[]) and month between ${period.fromMonth}::date and ${period.toMonth}::date ${histogramInScope(scope)}
      group by 1, 2 having sum(requests) > 0
      order by 1, 2`),
  );
  return timesFromCounts(rows);
}
