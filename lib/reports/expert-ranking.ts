import { sql, type SQL } from "drizzle-orm";
import { db, rowsOf, type DbOrTx } from "@/db";
import { arrayLiteral } from "@/db/array-literal";
import { acceptTimes, histogramCounts, hourCountsText, timesOfHourText, type AcceptTimes } from "./accept-times";
import { byRank, countyRowsInScope, groupedFigures, hasFigures, isOneOf, regionInScope, type Figures } from "./figures";
import { expertNames } from "./labels";
import type { Period } from "./period";
import { finerThanCounty, rollupServes, type ReportScope } from "./scope";
import { monthSpans, yearSpans, type YearSpans } from "./year-spans";
import { figuresOfRow, rankedWithCompacted, type FigureRow } from "./compacted-ranking";

/*
 * The report by expert, best first, a page at a time. Experts with figures in the period are ranked
 * by requests filed, then money recovered (both descending), then their id; a region of 100,000
 * experts is not summed and sorted for a page of fifty. For one calendar year (or this year so far)
 * of the whole zone or one county, report_expert_years (migration 0043) is read in that order from an
 * index of the compacted rows, merged with the few rows written since the last compaction. Any other
 * period of whole months (or a city's or province's year) ranks its whole years' yearly rows and its
 * other months' rollups: their compacted rows once per compaction, kept, with the rows written since
 * added at each look (lib/reports/compacted-ranking.ts). Both bring the page's experts' names and
 * acceptance times along (their counts for the same years and months). A town ranks its months'
 * rollups the same way (the yearly rows are kept per county) and reads its own acceptance-time counts
 * per month (migration 0059). Part-months rank every expert's figures from the ledger.
 */

export interface RankedExperts {
  /** The first `limit` experts with figures, in the report's order; name null for key "" (no expert). */
  top: { key: string; name: string | null; figures: Figures; times: AcceptTimes | null }[];
  /** How many experts have figures in the period. */
  count: number;
  /** Which of `keys` have figures in the period. */
  ranked(keys: string[]): Promise<Set<string>>;
}

/**
 * The whole years and months the rollups answer a period in for a scope: a town (finer than the
 * yearly rows) its months; null for part-months (the ledger answers).
 */
export async function reportSpans(period: Period, scope: ReportScope, handle: DbOrTx): Promise<YearSpans | null> {
  if (!rollupServes(period)) return null;
  return finerThanCounty(scope) ? monthSpans(period) : yearSpans(period, handle);
}

/**
 * The year ("YYYY-01-01") whose yearly rows answer the spans: one calendar year and no other month
 * (lib/reports/year-spans.ts: a whole year, or this year so far).
 */
export const yearOfSpans = (spans: YearSpans | null): string | null =>
  spans?.years.length === 1 && spans.months.length === 0 && spans.less.length === 0 ? spans.years[0]! : null;

interface YearRow extends FigureRow {
  name: string | null;
  /** `hourCountsText` of the expert's acceptance times. */
  t: string | null;
}

/** SQL: the expert's name (r.key is an expert's id, or "" for requests without one). */
const withName = sql.raw("left join experts e on e.id = nullif(r.key, '')::uuid");

const nonZero = sql.raw(
  "(requests_filed <> 0 or requests_resolved <> 0 or disputes_opened <> 0 or disputes_resolved <> 0 or claimed_fen <> 0 or recovered_fen <> 0)",
);

/** The first `limit` experts of the period (and how many there are), best first. */
export async function rankedExperts(period: Period, scope: ReportScope, limit: number, handle: DbOrTx = db): Promise<RankedExperts> {
  const spans = await reportSpans(period, scope, handle);
  if (!spans) return rankedInFull(period, scope, limit, handle);
  // one year of the zone or a county: its own rows, from the ranking index; else the spans' rows summed
  const year = yearOfSpans(spans);
  return year && (!scope.prefix || scope.prefix.length === 6)
    ? rankedFromYearlyRows(year, scope, limit, handle)
    : rankedFromSpans(spans, scope, limit, handle);
}

/** A period of part-months: every expert's figures from the ledger, ranked here. */
async function rankedInFull(period: Period, scope: ReportScope, limit: number, handle: DbOrTx): Promise<RankedExperts> {
  const [figures, times] = await Promise.all([groupedFigures("expert", period, scope, handle), acceptTimes("expert", period, scope, handle)]);
  const all = [...figures].filter(([, f]) => hasFigures(f)).map(([key, f]) => ({ key, ...f }));
  all.sort(byRank);
  const keys = new Set(all.map((r) => r.key));
  const top = all.slice(0, limit);
  const names = await expertNames(top.map((r) => r.key));
  return {
    top: top.map(({ key, ...f }) => ({ key, name: names.get(key) ?? null, figures: f, times: times.get(key) ?? null })),
    count: all.length,
    ranked: async (candidates) => new Set(candidates.filter((k) => keys.has(k))),
  };
}

const figureColumns = sql.raw(
  "r.key, requests_filed::text as f, requests_resolved::text as rr, disputes_opened::text as o, disputes_resolved::text as dr, claimed_fen::text as c, recovered_fen::text as rf",
);

/**
 * SQL: the columns of a page's row (alias r): its figures, the expert's name and acceptance times in
 * the same years and months (a town's: its own counts).
 */
const pageColumns = (spans: YearSpans, scope: ReportScope) => sql`${figureColumns}, ${nameAndTimes(spans, scope)}`;

/** SQL: the expert's name and acceptance times of a page's row (alias r, joined `withName`). */
const nameAndTimes = (spans: YearSpans, scope: ReportScope) => {
  const times = hourCountsText(histogramCounts("expert", sql`key`, spans, scope, false, sql`and key = r.key`));
  return sql`e.name, ${times} as t`;
};

const toTop = (rows: YearRow[], limit: number) =>
  rows
    .map((r) => ({ key: r.key, name: r.name, t: r.t, ...figuresOfRow(r) }))
    .sort(byRank)
    .slice(0, limit)
    .map(({ key, name, t, ...f }) => ({ key, name, figures: f, times: timesOfHourText(t) }));

/** Which of `candidates` have figures in `rows` (a select of keys and figures; several rows per key are summed). */
async function rankedAmong(rows: SQL, candidates: string[], handle: DbOrTx): Promise<Set<string>> {
  if (!candidates.length) return new Set();
  const found = rowsOf<{ key: string }>(
    await handle.execute(sql`
      select key from (${rows}) r where key = any(${arrayLiteral(candidates)}::text[]) group by key
      having sum(requests_filed) <> 0 or sum(requests_resolved) <> 0 or sum(disputes_opened) <> 0 or sum(disputes_resolved) <> 0
        or sum(claimed_fen) <> 0 or sum(recovered_fen) <> 0`),
  );
  return new Set(found.map((r) => r.key));
}

/** SQL: the six figures of yearly or monthly rows, summed. */
const sums = sql.raw(
  "sum(requests_filed) as requests_filed, sum(requests_resolved) as requests_resolved, sum(disputes_opened) as disputes_opened, " +
    "sum(disputes_resolved) as disputes_resolved, sum(claimed_fen) as claimed_fen, sum(recovered_fen) as recovered_fen",
);

const rawFigures = sql.raw("key, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen");
const rankOrder = sql.raw("order by requests_filed desc nulls last, recovered_fen desc nulls last, key");

/** SQL: the six figures, each times `sign` (1 or -1 per row). */
const signedFigures = (sign: SQL) =>
  sql`key, ${sign} * requests_filed as requests_filed, ${sign} * requests_resolved as requests_resolved, ${sign} * disputes_opened as disputes_opened,
    ${sign} * disputes_resolved as disputes_resolved, ${sign} * claimed_fen as claimed_fen, ${sign} * recovered_fen as recovered_fen`;

/**
 * SQL: the experts' rows of some spans in a scope, in the shards `shards` names ("shard = 0", the
 * compacted rows; "shard > 0", those written since): the yearly rows of the years (the zone's own, a
 * county's, or a city's counties'), the monthly rollups of the months to add and, negated, of the
 * months to take away, in one read (per county, or the zone's own; a town's per town).
 */
function spanRows(spans: YearSpans, scope: ReportScope, shards: SQL): SQL {
  const parts: SQL[] = [];
  if (spans.years.length) {
    parts.push(
      sql`select ${rawFigures} from report_expert_years where ${isOneOf("year", spans.years)} ${countyRowsInScope("county", scope)} and ${shards}`,
    );
  }
  // a town: its own rows; wider: the experts' rows per county ("expert_county", the zone's own in '')
  const monthly = finerThanCounty(scope)
    ? sql`dimension = 'expert' ${regionInScope("region_code", scope)}`
    : sql`dimension = 'expert_county' ${countyRowsInScope("region_code", scope)}`;
  const months = [...spans.months, ...spans.less];
  if (months.length) {
    const figures = spans.less.length ? signedFigures(sql`(case when ${isOneOf("month", spans.less)} then -1 else 1 end)`) : rawFigures;
    parts.push(sql`select ${figures} from report_rollups where ${monthly} and ${isOneOf("month", months)} and ${shards}`);
  }
  return sql.join(parts, sql` union all `);
}

/**
 * Any other period of whole months, a city's or province's year, or a town's months: the spans'
 * compacted rows ranked once per generation and kept, with the rows written since added
 * (lib/reports/compacted-ranking.ts); then the page's names and acceptance times in one statement.
 */
async function rankedFromSpans(spans: YearSpans, scope: ReportScope, limit: number, handle: DbOrTx): Promise<RankedExperts> {
  const id = JSON.stringify([spans, scope.regionCode, scope.prefix]);
  const ranking = await rankedWithCompacted(id, (shards) => spanRows(spans, scope, shards), limit, handle);
  const keys = ranking.top.map((r) => r.key);
  const extras = keys.length
    ? rowsOf<{ key: string; name: string | null; t: string | null }>(
        await handle.execute(sql`
          select r.key, ${nameAndTimes(spans, scope)} from unnest(${arrayLiteral(keys)}::text[]) as r(key) ${withName}`),
      )
    : [];
  const byKey = new Map(extras.map((r) => [r.key, r]));
  return {
    top: ranking.top.map(({ key, ...figures }) => ({
      key,
      name: byKey.get(key)?.name ?? null,
      figures,
      times: timesOfHourText(byKey.get(key)?.t ?? null),
    })),
    count: ranking.count,
    ranked: async (candidates) => new Set(candidates.filter((k) => ranking.has(k))),
  };
}

async function rankedFromYearlyRows(year: string, scope: ReportScope, limit: number, handle: DbOrTx): Promise<RankedExperts> {
  const county = scope.prefix ?? "";
  const rows = sql`report_expert_years where year = ${year}::date and county = ${county}`;
  // One statement: the rows written since the last compaction (a few hundred at most) are summed per
  // expert with that expert's compacted row; the first `limit` compacted rows of the other experts
  // come from the ranking index; the first `limit` of both, with their names. The count is the
  // compacted rows' (report_expert_year_counts), less those of the experts merged, plus the merged
  // ones with figures; every row carries it (no row: no expert has figures).
  const result = rowsOf<YearRow & { n: string }>(
    await handle.execute(sql`
      with deltas as (select distinct key from ${rows} and shard > 0),
      merged as (
        select key, ${sums}, bool_or(shard = 0 and ${nonZero}) as counted
        from ${rows} and key in (select key from deltas) group by key
      ),
      compacted as (
        select ${rawFigures} from ${rows} and shard = 0 and ${nonZero} and key not in (select key from deltas)
        ${rankOrder} limit ${limit}
      ),
      total as (
        select coalesce((select experts from report_expert_year_counts where year = ${year}::date and county = ${county}), 0)
          - (select count(*) from merged where counted) + (select count(*) from merged where ${nonZero}) as n
      ),
      top as (
        select ${rawFigures} from compacted
        union all
        select ${rawFigures} from merged where ${nonZero}
        ${rankOrder} limit ${limit}
      )
      select ${pageColumns({ years: [year], months: [], less: [] }, scope)}, total.n from top r cross join total ${withName}`),
  );
  return {
    top: toTop(result, limit),
    count: Number(result[0]?.n ?? 0),
    ranked: (candidates) => rankedAmong(sql`select ${rawFigures} from ${rows}`, candidates, handle),
  };
}
