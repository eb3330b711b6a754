import { sql, type SQL } from "drizzle-orm";
import { db, rowsOf, type DbOrTx } from "@/db";
import { arrayLiteral } from "@/db/array-literal";
import { withinRegion } from "@/lib/regions/codes";
import { monthStartsOf, splitAtMonths, type Period } from "./period";
import type { ReportDimension } from "./schemas";
import { outcomeSql } from "./outcome";
import { finerThanCounty, requestInScope, rollupServes, type ReportScope } from "./scope";

/** A report dimension, plus "all" (the totals) and "status" (requests by their current status). */
export type FigureDimension = ReportDimension | "all" | "status";

/** Dimensions the rollups keep; the others ("outcome") are always computed from the ledger. */
const rolledUp = (dimension: FigureDimension) => dimension !== "outcome";

/** The additive figures of a period: counts, and money as exact bigint fen. */
export interface Figures {
  requests: number;
  requestsResolved: number;
  disputesOpened: number;
  disputesResolved: number;
  claimedFen: bigint;
  recoveredFen: bigint;
}

/** Whether any figure is not zero (a row the reports list). */
export const hasFigures = (f: Figures) =>
  f.requests !== 0 || f.requestsResolved !== 0 || f.disputesOpened !== 0 || f.disputesResolved !== 0 || f.claimedFen !== 0n || f.recoveredFen !== 0n;

/** The report's order of experts with figures: requests, then money recovered (descending), then the key. */
export const byRank = (a: { key: string } & Figures, b: { key: string } & Figures) =>
  b.requests - a.requests ||
  (b.recoveredFen > a.recoveredFen ? 1 : b.recoveredFen < a.recoveredFen ? -1 : 0) ||
  (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export const zeroFigures = (): Figures => ({
  requests: 0,
  requestsResolved: 0,
  disputesOpened: 0,
  disputesResolved: 0,
  claimedFen: 0n,
  recoveredFen: 0n,
});

interface FigureRow {
  key: string;
  requests: number;
  requests_resolved: number;
  disputes_opened: number;
  disputes_resolved: number;
  claimed_fen: string;
  recovered_fen: string;
}

function toMap(rows: FigureRow[]): Map<string, Figures> {
  return new Map(
    rows.map((r) => [
      r.key,
      {
        requests: Number(r.requests),
        requestsResolved: Number(r.requests_resolved),
        disputesOpened: Number(r.disputes_opened),
        disputesResolved: Number(r.disputes_resolved),
        claimedFen: BigInt(r.claimed_fen),
        recoveredFen: BigInt(r.recovered_fen),
      },
    ]),
  );
}

const sums = sql.raw(
  "sum(requests_filed)::int as requests, sum(requests_resolved)::int as requests_resolved, sum(disputes_opened)::int as disputes_opened, " +
    "sum(disputes_resolved)::int as disputes_resolved, sum(claimed_fen)::text as claimed_fen, sum(recovered_fen)::text as recovered_fen",
);

/**
 * The column a table keeps its rows' region in: "county" (six digits, "" for the whole zone's own
 * rows) in the tables kept per county; "region_code" (the request's county or town) in report_rollups;
 * "town" in the acceptance-time counts kept per town.
 */
export type RegionColumn = "county" | "region_code" | "town";

/**
 * How a table kept per (dimension, key, month, region) answers a grouping: the dimension stored
 * ("month" is "all" by month, "region" by county is "all" by county: far fewer rows than the towns),
 * the SQL of the grouping key, and the scope's condition on the region column.
 */
export function monthlyGrouping(dimension: FigureDimension, scope: ReportScope, column: RegionColumn) {
  const byCounty = dimension === "region" && scope.regionLevel === "county";
  return {
    stored: dimension === "month" || byCounty ? "all" : dimension,
    key: dimension === "month" ? sql`to_char(month, 'YYYY-MM')` : byCounty ? sql`left(${sql.raw(column)}, 6)` : sql`key`,
    inScope: regionInScope(column, scope),
    byCounty,
  };
}

/**
 * SQL: the row's `column` ("month", or "year" of the tables kept per year) is one of `days` (first
 * days). A list, not a range: the tables kept per (…, month, county, …) can then seek one county in
 * each month instead of reading every county's rows of the range (a year of the zone's own
 * acceptance-time counts: 35 -> 6 ms at full scale).
 */
export function isOneOf(column: "month" | "year", days: readonly string[]): SQL {
  return sql`${sql.raw(column)} = any(${arrayLiteral(days)}::date[])`;
}

/** SQL: the row's month is one of the period's. */
export function inMonths(period: Period): SQL {
  return isOneOf("month", monthStartsOf(period));
}

/**
 * SQL: "and" the row's region `column` lies in the scope: the range of the scope's code
 * (`withinRegion`), which the keys (…, month, county or region, …) seek.
 */
export function regionInScope(column: RegionColumn, scope: ReportScope): SQL {
  return scope.regionCode ? sql`and ${withinRegion(sql.raw(column), scope.regionCode)}` : sql``;
}

/**
 * SQL: "and" the rows a scope reads of a table kept per county and for the whole zone (region ''):
 * the zone's own, or the scope's counties'.
 */
export function countyRowsInScope(column: RegionColumn, scope: ReportScope): SQL {
  return scope.prefix ? regionInScope(column, scope) : sql`and ${sql.raw(column)} = ''`;
}

/** The figures grouped by `dimension`, read from the monthly rollups (whole months, any scope). */
export async function figuresFromRollups(dimension: FigureDimension, period: Period, scope: ReportScope, handle: DbOrTx = db) {
  const { stored, key, inScope } = monthlyGrouping(dimension, scope, "region_code");
  const result = await handle.execute(sql`
    select ${key} as key, ${sums}
    from report_rollups
    where dimension = ${stored} and ${inMonths(period)} ${inScope}
    group by 1`);
  return toMap(rowsOf<FigureRow>(result));
}

/**
 * SQL: the grouping key of a row of `requests` (specialties joined as `rs`); `at` is the moment
 * whose month the "month" dimension uses.
 */
export function groupKeySql(dimension: FigureDimension, scope: ReportScope, at: SQL): SQL {
  switch (dimension) {
    case "all":
      return sql`''`;
    case "month":
      return sql`to_char(report_month(${at}), 'YYYY-MM')`;
    case "region":
      return scope.regionLevel === "county" ? sql`left(requests.region_code, 6)` : sql`requests.region_code`;
    case "specialty":
      return sql`rs.specialty_code`;
    case "expert":
      return sql`coalesce(requests.assigned_expert_id::text, '')`;
    case "station":
      return sql`coalesce(requests.station_id::text, '')`;
    case "channel":
      return sql`requests.channel::text`;
    case "status":
      return sql`requests.status::text`;
    case "category":
      return sql`requests.category::text`;
    case "outcome":
      return outcomeSql();
  }
}

/**
 * The same figures computed directly from the requests, the disputes and the ledger, for any
 * period and scope: the reference the rollups are checked against, and the answer for what the
 * rollups cannot serve (the part-months at the ends of a period, a dimension they do not keep).
 */
export function figuresFromLedger(dimension: FigureDimension, period: Period, scope: ReportScope, handle: DbOrTx = db) {
  return figuresFromLedgerIn(dimension, [period], scope, handle);
}

/** As figuresFromLedger, over several periods that do not overlap, in one statement. */
async function figuresFromLedgerIn(dimension: FigureDimension, periods: Period[], scope: ReportScope, handle: DbOrTx) {
  const anyOf = (ranges: SQL[]) => sql`(${sql.join(ranges, sql` or `)})`;
  const within = (column: SQL) =>
    anyOf(
      periods.map(
        (p) => sql`(${column} >= ${p.fromInstant.toISOString()}::timestamptz and ${column} < ${p.toExclusiveInstant.toISOString()}::timestamptz)`,
      ),
    );
  const receivedWithin = anyOf(periods.map((p) => sql`x.received_on between ${p.from}::date and ${p.to}::date`));
  const specialties = dimension === "specialty" ? sql`join request_specialties rs on rs.request_id = requests.id` : sql``;
  // A town's facts are found from its requests (a few thousand, through the index on their region,
  // then each one's disputes and ledger entries), not among every fact of the period in the zone.
  const town = finerThanCounty(scope);
  const ofTown = (requestId: SQL) => (town ? sql`and ${requestId} in (select id from town_requests)` : sql``);
  const result = await handle.execute(sql`
    with ${town ? sql`town_requests as materialized (select requests.id from requests where ${requestInScope(scope)}),` : sql``}
    facts as (
      select q.id as request_id, q.submitted_at as at, 1 as f, 0 as rr, 0 as o, 0 as dr, 0::bigint as c, 0::bigint as rf
        from requests q where ${within(sql`q.submitted_at`)} ${ofTown(sql`q.id`)}
      union all
      select q.id, q.resolved_at, 0, 1, 0, 0, 0, 0
        from requests q where ${within(sql`q.resolved_at`)} and q.status in ('resolved', 'closed') ${ofTown(sql`q.id`)}
      union all
      select d.request_id, d.opened_at, 0, 0, 1, 0, d.claimed_fen, 0 from disputes d where ${within(sql`d.opened_at`)} ${ofTown(sql`d.request_id`)}
      union all
      select d.request_id, d.closed_at, 0, 0, 0, 1, 0, 0 from disputes d
        where d.status = 'resolved' and ${within(sql`d.closed_at`)} ${ofTown(sql`d.request_id`)}
      union all
      select x.request_id, x.received_on::timestamp at time zone 'Asia/Shanghai', 0, 0, 0, 0, 0, x.amount_fen
        from recoveries x where ${receivedWithin} ${ofTown(sql`x.request_id`)}
    )
    select ${groupKeySql(dimension, scope, sql`facts.at`)} as key,
      sum(facts.f)::int as requests, sum(facts.rr)::int as requests_resolved, sum(facts.o)::int as disputes_opened,
      sum(facts.dr)::int as disputes_resolved, sum(facts.c)::text as claimed_fen, sum(facts.rf)::text as recovered_fen
    from facts join requests on requests.id = facts.request_id ${specialties}
    where ${requestInScope(scope)}
    group by 1`);
  return toMap(rowsOf<FigureRow>(result));
}

/** Whether the rollups answer this dimension, period and scope (else the ledger does; both are exact). */
export const rollupsAnswer = (dimension: FigureDimension, period: Period) => rolledUp(dimension) && rollupServes(period);

/**
 * The figures by `dimension`: the period's whole months from the rollups, its part-months at either
 * end from the ledger (every figure is a sum of facts, each at one moment, so the pieces add up to
 * the period's); a dimension the rollups do not keep, from the ledger. Both are exact. A period of
 * 15 March to 20 September reads 37 days of the ledger, not six months of it.
 */
export async function groupedFigures(dimension: FigureDimension, period: Period, scope: ReportScope, handle: DbOrTx = db) {
  if (!rolledUp(dimension)) return figuresFromLedger(dimension, period, scope, handle);
  const { months, parts } = splitAtMonths(period);
  const pieces = await Promise.all([
    ...(months ? [figuresFromRollups(dimension, months, scope, handle)] : []),
    ...(parts.length ? [figuresFromLedgerIn(dimension, parts, scope, handle)] : []),
  ]);
  if (pieces.length === 1) return pieces[0]!;
  const sum = new Map<string, Figures>();
  for (const piece of pieces) for (const [key, f] of piece) sum.set(key, addFigures(sum.get(key) ?? zeroFigures(), f));
  return sum;
}

/** Sums figures (for the totals of a page, never across specialties: a request may have several). */
export function addFigures(a: Figures, b: Figures): Figures {
  return {
    requests: a.requests + b.requests,
    requestsResolved: a.requestsResolved + b.requestsResolved,
    disputesOpened: a.disputesOpened + b.disputesOpened,
    disputesResolved: a.disputesResolved + b.disputesResolved,
    claimedFen: a.claimedFen + b.claimedFen,
    recoveredFen: a.recoveredFen + b.recoveredFen,
  };
}
