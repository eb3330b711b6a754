import { sql } from "drizzle-orm";
import { db, rowsOf, type DbOrTx } from "@/db";
import { groupKeySql, type FigureDimension } from "./figures";
import type { Period } from "./period";
import { requestInScope, type ReportScope } from "./scope";

/** Time from filing to acceptance of the requests filed in a period (those accepted so far). */
export interface AcceptTimes {
  accepted: number;
  medianHours: number | null;
  p90Hours: number | null;
}

type Row = { key: string; accepted: number; p50: number | string | null; p90: number | string | null };

/** Hours with one decimal, from seconds (a duration, never money). */
const hours = (seconds: number | string | null) => (seconds === null ? null : Math.round(Number(seconds) / 360) / 10);

const toMap = (rows: Row[]) => new Map(rows.map((r) => [r.key, { accepted: Number(r.accepted), medianHours: hours(r.p50), p90Hours: hours(r.p90) }]));

const between = (column: string, period: Period) =>
  sql`${sql.raw(column)} >= ${period.fromInstant.toISOString()}::timestamptz and ${sql.raw(column)} < ${period.toExclusiveInstant.toISOString()}::timestamptz`;

/**
 * Median and 90th percentile (percentile_cont, interpolated) of the hours from filing to
 * acceptance, from report_accept_times: one index range per dimension and period, exact values.
 * Serves the whole zone and county-or-wider scopes.
 */
export async function acceptTimesFromTable(dimension: FigureDimension, period: Period, scope: ReportScope, handle: DbOrTx = db) {
  const stored = dimension === "status" || dimension === "outcome" ? null : dimension;
  if (!stored) return acceptTimesFromRequests(dimension, period, scope, handle);
  const key = dimension === "region" && scope.regionLevel === "county" ? sql`county` : sql`key`;
  const inScope = scope.prefix ? sql`and county like ${scope.prefix + "%"}` : sql``;
  const result = await handle.execute(sql`
    select ${key} as key, count(*)::int as accepted,
      percentile_cont(0.5) within group (order by seconds) as p50, percentile_cont(0.9) within group (order by seconds) as p90
    from report_accept_times
    where dimension = ${stored} and ${between("submitted_at", period)} ${inScope}
    group by 1`);
  return toMap(rowsOf<Row>(result));
}

/** The same figures straight from the requests (the reference, and the answer for town-level scopes). */
export async function acceptTimesFromRequests(dimension: FigureDimension, period: Period, scope: ReportScope, handle: DbOrTx = db) {
  const specialties = dimension === "specialty" ? sql`join request_specialties rs on rs.request_id = requests.id` : sql``;
  const seconds = sql`extract(epoch from (requests.accepted_at - requests.submitted_at))::double precision`;
  const result = await handle.execute(sql`
    select ${groupKeySql(dimension, scope, sql`requests.submitted_at`)} as key, count(*)::int as accepted,
      percentile_cont(0.5) within group (order by ${seconds}) as p50, percentile_cont(0.9) within group (order by ${seconds}) as p90
    from requests ${specialties}
    where ${between("requests.submitted_at", period)} and requests.accepted_at is not null and ${requestInScope(scope)}
    group by 1`);
  return toMap(rowsOf<Row>(result));
}

/** Accept times by `dimension`: from report_accept_times unless the scope is finer than a county. */
export function acceptTimes(dimension: FigureDimension, period: Period, scope: ReportScope, handle: DbOrTx = db) {
  return scope.prefix && scope.prefix.length > 6
    ? acceptTimesFromRequests(dimension, period, scope, handle)
    : acceptTimesFromTable(dimension, period, scope, handle);
}
