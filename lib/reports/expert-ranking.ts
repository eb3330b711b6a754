import { sql, type SQL } from "drizzle-orm";
import { db, rowsOf, type DbOrTx } from "@/db";
import { arrayLiteral } from "@/db/array-literal";
import { acceptTimes, countSpans, histogramCounts, histogramInScope, timesOfCounts, type AcceptTimes } from "./accept-times";
import { groupedFigures, type Figures } from "./figures";
import type { Period } from "./period";
import { rollupServes, type ReportScope } from "./scope";
import { yearSpans } from "./year-spans";

/*
 * The report by expert, best first, a page at a time. Experts with figures in the period are ranked
 * by requests filed, then money recovered (both descending), then their id; a region of 100,000
 * experts is not summed and sorted for a page of fifty. For one calendar year (or this year so far),
 * report_expert_years (migration 0043) answers: for the whole zone or one county it is read in that
 * order from an index of the compacted rows, merged with the few rows written since the last
 * compaction; a city or province sums its counties' rows. Any other period, or a town, ranks the
 * grouped monthly figures in full (exact, slower).
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
 * The year ("YYYY-01-01") whose yearly rows answer the period, for a scope no finer than a county;
 * null when they cannot (lib/reports/year-spans.ts: one calendar year, or this year so far).
 */
export async function yearOfYearlyRows(period: Period, scope: ReportScope, handle: DbOrTx): Promise<string | null> {
  if (!rollupServes(scope, period)) return null;
  const { years, months } = await yearSpans(period, handle);
  return years.length === 1 && months.length === 0 ? years[0]! : null;
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
  const year = await yearOfYearlyRows(period, scope, handle);
  if (!year) return rankedInFull(period, scope, limit, handle);
  // the zone and a county have their own rows, a city or province sums its counties'
  return !scope.prefix || scope.prefix.length === 6
    ? rankedFromYearlyRows(year, scope.prefix ?? "", limit, handle)
    : rankedFromCountiesYearlyRows(year, scope.prefix, limit, handle);
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

const figureColumns = sql.raw(
  "key, requests_filed::text as f, requests_resolved::text as rr, disputes_opened::text as o, disputes_resolved::text as dr, claimed_fen::text as c, recovered_fen::text as rf",
);

const sums = sql.raw(
  "sum(requests_filed) as requests_filed, sum(requests_resolved) as requests_resolved, sum(disputes_opened) as disputes_opened, " +
    "sum(disputes_resolved) as disputes_resolved, sum(claimed_fen) as claimed_fen, sum(recovered_fen) as recovered_fen",
);

const toTop = (rows: YearRow[], limit: number) =>
  rows
    .map((r) => ({ key: r.key, ...toFigures(r) }))
    .sort(byRank)
    .slice(0, limit)
    .map(({ key, ...f }) => ({ key, figures: f }));

/** Which of `candidates` have figures in `rows` (yearly rows of a year and scope, every shard). */
async function rankedAmong(rows: SQL, candidates: string[], handle: DbOrTx): Promise<Set<string>> {
  if (!candidates.length) return new Set();
  const found = rowsOf<{ key: string }>(
    await handle.execute(sql`
      select key from ${rows} and key = any(${arrayLiteral(candidates)}::text[]) group by key
      having sum(requests_filed) <> 0 or sum(requests_resolved) <> 0 or sum(disputes_opened) <> 0 or sum(disputes_resolved) <> 0
        or sum(claimed_fen) <> 0 or sum(recovered_fen) <> 0`),
  );
  return new Set(found.map((r) => r.key));
}

/** A city or province: its counties' yearly rows summed per expert, ranked (tens of thousands of rows, not the months' millions). */
async function rankedFromCountiesYearlyRows(year: string, prefix: string, limit: number, handle: DbOrTx): Promise<RankedExperts> {
  const rows = sql`report_expert_years where year = ${year}::date and county like ${prefix + "%"}`;
  const result = rowsOf<YearRow & { n: string }>(
    await handle.execute(sql`
      with summed as (select key, ${sums} from ${rows} group by key)
      select ${figureColumns}, count(*) over () as n from summed where ${nonZero}
      order by requests_filed desc, recovered_fen desc, key limit ${limit}`),
  );
  return {
    top: toTop(result, limit),
    // no row at all: no expert has figures (a page past the last still gets the first `limit`)
    count: Number(result[0]?.n ?? 0),
    ranked: (candidates) => rankedAmong(rows, candidates, handle),
  };
}

async function rankedFromYearlyRows(year: string, county: string, limit: number, handle: DbOrTx): Promise<RankedExperts> {
  const rows = sql`report_expert_years where year = ${year}::date and county = ${county}`;
  // One statement: the rows written since the last compaction (a few hundred at most) are summed per
  // expert with that expert's compacted row; the first `limit` compacted rows of the other experts
  // come from the ranking index. The count is the compacted rows' (report_expert_year_counts), less
  // those of the experts merged, plus the merged ones with figures; every row carries it (no row:
  // no expert has figures).
  const result = rowsOf<YearRow & { n: string }>(
    await handle.execute(sql`
      with deltas as (select distinct key from ${rows} and shard > 0),
      merged as (
        select key, ${sums}, bool_or(shard = 0 and ${nonZero}) as counted
        from ${rows} and key in (select key from deltas) group by key
      ),
      compacted as (
        select ${figureColumns} from ${rows} and shard = 0 and ${nonZero} and key not in (select key from deltas)
        order by requests_filed desc nulls last, recovered_fen desc nulls last, key limit ${limit}
      ),
      total as (
        select coalesce((select experts from report_expert_year_counts where year = ${year}::date and county = ${county}), 0)
          - (select count(*) from merged where counted) + (select count(*) from merged where ${nonZero}) as n
      )
      select compacted.*, total.n from compacted, total
      union all
      select ${figureColumns}, total.n from merged, total where ${nonZero}`),
  );
  return {
    top: toTop(result, limit),
    count: Number(result[0]?.n ?? 0),
    ranked: (candidates) => rankedAmong(rows, candidates, handle),
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
  const where = sql`and key = any(${arrayLiteral(keys)}::text[]) ${histogramInScope(scope)}`;
  return timesOfCounts(histogramCounts("expert", sql`key`, await countSpans("expert", period, handle), where), handle);
}
