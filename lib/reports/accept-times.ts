import { sql, type SQL } from "drizzle-orm";
import { db, rowsOf, type DbOrTx } from "@/db";
import { countyRowsInScope, groupKeySql, isOneOf, monthlyGrouping, regionInScope, type FigureDimension } from "./figures";
import type { Period } from "./period";
import { finerThanCounty, requestInScope, rollupServes, type ReportScope } from "./scope";
import { monthSpans, yearSpans, type YearSpans } from "./year-spans";

/** Time from filing to acceptance of the requests filed in a period (those accepted so far). */
export interface AcceptTimes {
  accepted: number;
  medianHours: number | null;
  p90Hours: number | null;
}

// Every path counts a time in whole hours (SQL accept_hours(seconds), migration 0039) before taking
// the percentiles, so the counts of report_accept_histogram give the same answer.
type Row = { key: string; accepted: number; p50: number | string | null; p90: number | string | null };

/** Hours with one decimal (a duration, never money). */
const oneDecimal = (hours: number | string | null) => (hours === null ? null : Math.round(Number(hours) * 10) / 10);

const toMap = (rows: Row[]) =>
  new Map(rows.map((r) => [r.key, { accepted: Number(r.accepted), medianHours: oneDecimal(r.p50), p90Hours: oneDecimal(r.p90) }]));

const between = (column: string, period: Period) =>
  sql`${sql.raw(column)} >= ${period.fromInstant.toISOString()}::timestamptz and ${sql.raw(column)} < ${period.toExclusiveInstant.toISOString()}::timestamptz`;

/** Dimensions report_accept_times keeps (and its counts, but for "month": "all" grouped by month). */
const storedDimension = (dimension: FigureDimension) => (dimension === "status" || dimension === "outcome" ? null : dimension);

/**
 * PostgreSQL's percentile_cont over a sorted multiset given as (value, count) pairs: the same
 * arithmetic (row p·(n-1), interpolated between its floor and ceiling), so the same double.
 */
export function percentileOfCounts(counts: readonly (readonly [value: number, count: number])[], total: number, p: number): number {
  const position = p * (total - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  let lowValue = NaN;
  let highValue = NaN;
  let seen = 0;
  for (const [value, count] of counts) {
    if (Number.isNaN(lowValue) && low < seen + count) lowValue = value;
    if (high < seen + count) {
      highValue = value;
      break;
    }
    seen += count;
  }
  return lowValue + (position - low) * (highValue - lowValue);
}

/**
 * SQL: "and" the county counts a scope reads. The whole zone reads the zone's own counts (county '',
 * kept beside each county's since migration 0044: a year of the zone is then the same few thousand
 * rows however many counties it has), or every county's when it groups by county; a region scope
 * reads its counties (never '').
 */
function histogramInScope(scope: ReportScope, byCounty: boolean): SQL {
  return !scope.prefix && byCounty ? sql`and county <> ''` : countyRowsInScope("county", scope);
}

/**
 * SQL: (key, hours, requests) of the counts of a stored dimension a scope reads over some years and
 * months. A county or wider: the years from report_accept_histogram_years, the months to add and to
 * take away (counted negative) in one read of report_accept_histogram (the same counts per month,
 * migration 0045). A town: its own counts per month (report_accept_histogram_towns, migration 0059); its spans
 * are months (`countSpans`, `reportSpans`). `where` narrows them ("and …").
 */
export function histogramCounts(stored: string, key: SQL, spans: YearSpans, scope: ReportScope, byCounty: boolean, where: SQL = sql``): SQL {
  if (finerThanCounty(scope)) {
    if (spans.years.length) throw new Error("a town's acceptance-time counts are kept per month");
    return sql`select ${key} as key, hours, requests from report_accept_histogram_towns
      where dimension = ${stored} and ${isOneOf("month", spans.months)} ${regionInScope("town", scope)} ${where}`;
  }
  const inScope = histogramInScope(scope, byCounty);
  const parts: SQL[] = [];
  if (spans.years.length)
    parts.push(sql`select ${key} as key, hours, requests from report_accept_histogram_years
      where dimension = ${stored} and ${isOneOf("year", spans.years)} ${inScope} ${where}`);
  const months = [...spans.months, ...spans.less];
  if (months.length || !parts.length) {
    const requests = spans.less.length ? sql`(case when ${isOneOf("month", spans.less)} then -requests else requests end)` : sql`requests`;
    parts.push(sql`select ${key} as key, hours, ${requests} as requests from report_accept_histogram
      where dimension = ${stored} and ${isOneOf("month", months)} ${inScope} ${where}`);
  }
  return sql.join(parts, sql` union all `);
}

/**
 * The spans of a period the counts are read in: by month (keyed by month) or in a town (kept per
 * month), the months themselves; else its years and months (`yearSpans`).
 */
async function countSpans(dimension: FigureDimension, period: Period, scope: ReportScope, handle: DbOrTx): Promise<YearSpans> {
  return dimension === "month" || finerThanCounty(scope) ? monthSpans(period) : yearSpans(period, handle);
}

/**
 * Median and 90th percentile from the counts of how many requests took each whole hour, summed over
 * the period's years and months (whole months, any scope).
 */
export async function acceptTimesFromCounts(dimension: FigureDimension, period: Period, scope: ReportScope, handle: DbOrTx = db) {
  if (!storedDimension(dimension)) return acceptTimesFromRequests(dimension, period, scope, handle);
  const { stored, key, byCounty } = monthlyGrouping(dimension, scope, "county");
  return timesOfCounts(histogramCounts(stored, key, await countSpans(dimension, period, scope, handle), scope, byCounty), handle);
}

/** The times of each key from counts (`histogramCounts`), summed per key and hours. */
export async function timesOfCounts(counts: SQL, handle: DbOrTx): Promise<Map<string, AcceptTimes>> {
  const rows = rowsOf<{ key: string; hours: number; requests: number }>(
    await handle.execute(sql`
      select key, hours, sum(requests)::int as requests from (${counts}) c
      group by 1, 2 having sum(requests) > 0
      order by 1, 2`),
  );
  return timesFromCounts(rows);
}

/** The times of each key from its counts (rows ordered by key, then hours; no zero counts). */
function timesFromCounts(rows: readonly { key: string; hours: number | string; requests: number | string }[]): Map<string, AcceptTimes> {
  const times = new Map<string, AcceptTimes>();
  for (let start = 0; start < rows.length; ) {
    let end = start;
    const counts: [number, number][] = [];
    while (end < rows.length && rows[end]!.key === rows[start]!.key) {
      counts.push([Number(rows[end]!.hours), Number(rows[end]!.requests)]);
      end += 1;
    }
    times.set(rows[start]!.key, timesOfHourCounts(counts));
    start = end;
  }
  return times;
}

/** The times from one key's counts ([hours, requests], hours ascending, no zero counts). */
function timesOfHourCounts(counts: readonly (readonly [hours: number, requests: number])[]): AcceptTimes {
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  return {
    accepted: total,
    medianHours: oneDecimal(percentileOfCounts(counts, total, 0.5)),
    p90Hours: oneDecimal(percentileOfCounts(counts, total, 0.9)),
  };
}

/**
 * SQL (a scalar subquery): one key's counts from `histogramCounts` narrowed to it, summed per hour,
 * as text "hours:requests,…" (hours ascending; null without any), for `timesOfHourText`. Lets a
 * statement that picks the keys (a page of the report by expert) bring their times along.
 */
export function hourCountsText(counts: SQL): SQL {
  return sql`(select string_agg(hours || ':' || requests, ',' order by hours) from (
    select hours, sum(requests) as requests from (${counts}) c group by hours having sum(requests) > 0) h)`;
}

/** The times of `hourCountsText`'s text (null: no request accepted). */
export function timesOfHourText(text: string | null): AcceptTimes | null {
  if (!text) return null;
  return timesOfHourCounts(text.split(",").map((pair) => pair.split(":").map(Number) as [number, number]));
}

/**
 * Median and 90th percentile (percentile_cont, interpolated) of the hours from filing to
 * acceptance, from report_accept_times: one index range per dimension and period, exact values.
 * Serves the whole zone and county-or-wider scopes.
 */
export async function acceptTimesFromTable(dimension: FigureDimension, period: Period, scope: ReportScope, handle: DbOrTx = db) {
  const stored = storedDimension(dimension);
  if (!stored) return acceptTimesFromRequests(dimension, period, scope, handle);
  const key = dimension === "region" && scope.regionLevel === "county" ? sql`county` : sql`key`;
  const inScope = regionInScope("county", scope);
  const result = await handle.execute(sql`
    select ${key} as key, count(*)::int as accepted,
      percentile_cont(0.5) within group (order by accept_hours(seconds)) as p50,
      percentile_cont(0.9) within group (order by accept_hours(seconds)) as p90
    from report_accept_times
    where dimension = ${stored} and ${between("submitted_at", period)} ${inScope}
    group by 1`);
  return toMap(rowsOf<Row>(result));
}

/** The same figures straight from the requests (the reference, and a town's answer for part-months). */
export async function acceptTimesFromRequests(dimension: FigureDimension, period: Period, scope: ReportScope, handle: DbOrTx = db) {
  const specialties = dimension === "specialty" ? sql`join request_specialties rs on rs.request_id = requests.id` : sql``;
  const hours = sql`accept_hours(extract(epoch from (requests.accepted_at - requests.submitted_at))::double precision)`;
  const result = await handle.execute(sql`
    select ${groupKeySql(dimension, scope, sql`requests.submitted_at`)} as key, count(*)::int as accepted,
      percentile_cont(0.5) within group (order by ${hours}) as p50, percentile_cont(0.9) within group (order by ${hours}) as p90
    from requests ${specialties}
    where ${between("requests.submitted_at", period)} and requests.accepted_at is not null and ${requestInScope(scope)}
    group by 1`);
  return toMap(rowsOf<Row>(result));
}

/**
 * Accept times by `dimension`: from the counts for whole months (any scope), else from
 * report_accept_times, or from the requests when the scope is a town (its few thousand requests).
 */
export function acceptTimes(dimension: FigureDimension, period: Period, scope: ReportScope, handle: DbOrTx = db) {
  if (rollupServes(period)) return acceptTimesFromCounts(dimension, period, scope, handle);
  return finerThanCounty(scope) ? acceptTimesFromRequests(dimension, period, scope, handle) : acceptTimesFromTable(dimension, period, scope, handle);
}
