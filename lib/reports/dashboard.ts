import { inArray, sql, type SQL } from "drizzle-orm";
import { db, rowsOf, type DbOrTx } from "@/db";
import { requests } from "@/db/schema";
import { requestStatuses, type RequestStatus } from "@/lib/enums";
import { requirePermission, type Actor } from "@/lib/authz";
import { ACTIVE_CASE_STATUSES } from "@/lib/requests/state-machine";
import { groupedFigures, inMonths, regionInScope } from "./figures";
import type { Period } from "./period";
import { finerThanCounty, reportScope, requestInScope, rollupServes, type ReportScope } from "./scope";

// The dashboard's panels besides the grouped figures (lib/reports/get-report.ts). Each takes the
// scope and period of the admin's report; the access check is in getDashboardPanels.

/** Joins the request of each row only when a region scope needs it (an unscoped admin sees all). */
const requestFor = (scope: ReportScope, column: string) =>
  scope.regionCode ? sql`join requests on requests.id = ${sql.raw(column)} and ${requestInScope(scope)}` : sql``;

/**
 * SQL: "and" the rows of report_panel_counts a scope reads. Every count is kept under the request's
 * county and again under its town (migration 0049): a town reads its own rows, a county or wider
 * scope the six-digit ones.
 */
function panelRowsInScope(scope: ReportScope): SQL {
  const rows = regionInScope("region_code", scope);
  return finerThanCounty(scope) ? rows : sql`and length(region_code) = 6 ${rows}`;
}

const inPeriod = (column: string, period: Period) =>
  sql`${sql.raw(column)} >= ${period.fromInstant.toISOString()}::timestamptz and ${sql.raw(column)} < ${period.toExclusiveInstant.toISOString()}::timestamptz`;

/** Requests filed in the period, by their current status (every status, zero when none). */
export async function requestsByStatus(period: Period, scope: ReportScope, handle: DbOrTx = db) {
  const figures = await groupedFigures("status", period, scope, handle);
  return requestStatuses.map((status: RequestStatus) => ({ status, count: figures.get(status)?.requests ?? 0 }));
}

/** Offers declined in the period (by when they were answered), by the expert's reason: from the counts when they can answer. */
export function declinedOffers(period: Period, scope: ReportScope, handle: DbOrTx = db) {
  return rollupServes(period) ? declinedOffersFromCounts(period, scope, handle) : declinedOffersFromOffers(period, scope, handle);
}

const byCountDescending = (rows: { reason: string; n: number | string }[]) =>
  rows
    .map((r) => ({ reason: r.reason, count: Number(r.n) }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));

/** The declined offers counted from the offers themselves (any period and scope). */
export async function declinedOffersFromOffers(period: Period, scope: ReportScope, handle: DbOrTx = db) {
  const rows = rowsOf<{ reason: string; n: number }>(
    await handle.execute(sql`
      select coalesce(offers.decline_reason, '') as reason, count(*)::int as n
      from offers ${requestFor(scope, "offers.request_id")}
      where offers.status = 'declined' and ${inPeriod("offers.answered_at", period)}
      group by 1`),
  );
  return byCountDescending(rows);
}

/** The declined offers read from report_panel_counts (whole months, any scope: migrations 0042, 0049). */
export async function declinedOffersFromCounts(period: Period, scope: ReportScope, handle: DbOrTx = db) {
  const rows = rowsOf<{ reason: string; n: string }>(
    await handle.execute(sql`
      select key as reason, sum(count)::text as n from report_panel_counts
      where panel = 'declined' and ${inMonths(period)} ${panelRowsInScope(scope)}
      group by 1 having sum(count) <> 0`),
  );
  return byCountDescending(rows);
}

/**
 * Deadline breaches: offers whose deadline passed unanswered in the period, in total and the ten
 * experts with the most. A region's admin reads the counts when they can answer (the offers would
 * need their requests' regions); the whole zone reads the period's expired offers from their own
 * index (offers_report_expired_idx, without the table), which is fewer rows than the counts kept
 * per county and town: an expert seldom breaches twice in a month.
 */
export function deadlineBreaches(period: Period, scope: ReportScope, handle: DbOrTx = db) {
  return scope.regionCode && rollupServes(period)
    ? deadlineBreachesFromCounts(period, scope, handle)
    : deadlineBreachesFromOffers(period, scope, handle);
}

const BREACHES_LISTED = 10;

/** The total (a row without an expert) and the listed experts, as totalAndListed gives them. */
function breachesOf(rows: { expert_id: string | null; name: string | null; n: number | string }[]) {
  const byExpert = rows.filter((r) => r.expert_id !== null).map((r) => ({ expertId: r.expert_id!, name: r.name!, count: Number(r.n) }));
  return { total: Number(rows.find((r) => r.expert_id === null)?.n ?? 0), byExpert };
}

/**
 * SQL: from `counts(expert_id, n)`, the total, then the ten experts with the most (among equals at
 * the edge, the first by id: thousands of experts may share the tenth's one or two, and only the ten
 * chosen are looked up for their names), listed most first, then by name.
 */
const totalAndListed = sql`
  select null as expert_id, null as name, coalesce(sum(n), 0)::text as n from counts
  union all (
    select listed.expert_id::text, experts.name, listed.n::text
    from (select expert_id, n from counts order by n desc, expert_id limit ${BREACHES_LISTED}) listed
    join experts on experts.id = listed.expert_id
    order by listed.n desc, experts.name, listed.expert_id)`;

/** The deadline breaches counted from the offers themselves (any period and scope). */
export async function deadlineBreachesFromOffers(period: Period, scope: ReportScope, handle: DbOrTx = db) {
  return breachesOf(
    rowsOf(
      await handle.execute(sql`
        with counts as (
          select offers.expert_id, count(*) as n from offers ${requestFor(scope, "offers.request_id")}
          where offers.status = 'expired' and ${inPeriod("offers.expires_at", period)}
          group by 1)
        ${totalAndListed}`),
    ),
  );
}

/** The deadline breaches read from report_panel_counts (whole months, any scope: migration 0062). */
export async function deadlineBreachesFromCounts(period: Period, scope: ReportScope, handle: DbOrTx = db) {
  return breachesOf(
    rowsOf(
      await handle.execute(sql`
        with counts as (
          select key::uuid as expert_id, sum(count) as n from report_panel_counts
          where panel = 'expired' and ${inMonths(period)} ${panelRowsInScope(scope)}
          group by 1 having sum(count) <> 0)
        ${totalAndListed}`),
    ),
  );
}

/** Each expert's active cases now (accepted or in progress) against their capacity, busiest first. */
export async function caseloadPerExpert(scope: ReportScope, handle: DbOrTx = db) {
  const rows = rowsOf<{ expert_id: string; name: string; capacity: number; active: number }>(
    await handle.execute(sql`
      select experts.id as expert_id, experts.name, experts.capacity, count(*)::int as active
      from requests join experts on experts.id = requests.assigned_expert_id
      where ${inArray(requests.status, ACTIVE_CASE_STATUSES)} and ${requestInScope(scope)}
      group by 1, 2, 3 order by 4 desc, 2 limit 20`),
  );
  return rows.map((r) => ({ expertId: r.expert_id, name: r.name, capacity: Number(r.capacity), active: Number(r.active) }));
}

/** Ratings of the requests closed in the period, and the society's return visits in it: from the counts when they can answer. */
export function satisfaction(period: Period, scope: ReportScope, handle: DbOrTx = db) {
  return rollupServes(period) ? satisfactionFromCounts(period, scope, handle) : satisfactionFromRequests(period, scope, handle);
}

/** How many ratings of each number of stars, and the visits' number and satisfaction summed. */
interface SatisfactionCounts {
  ratings: Map<number, number>;
  visits: number;
  visitTotal: number;
}

function satisfactionSummary({ ratings, visits, visitTotal }: SatisfactionCounts) {
  const counts = [1, 2, 3, 4, 5].map((stars) => ({ stars, count: ratings.get(stars) ?? 0 }));
  const rated = counts.reduce((acc, c) => acc + c.count, 0);
  const ratingSum = counts.reduce((acc, c) => acc + c.count * c.stars, 0);
  return {
    ratings: counts,
    rated,
    averageRating: rated ? Math.round((ratingSum / rated) * 10) / 10 : null,
    returnVisits: visits,
    averageVisitSatisfaction: visits ? Math.round((visitTotal / visits) * 10) / 10 : null,
  };
}

/** The satisfaction panel counted from the requests and the visits themselves (any period and scope). */
export async function satisfactionFromRequests(period: Period, scope: ReportScope, handle: DbOrTx = db) {
  const [ratingRows, visitRows] = await Promise.all([
    handle.execute(sql`
      select requests.rating as rating, count(*)::int as n from requests
      where requests.rating is not null and ${inPeriod("requests.closed_at", period)} and ${requestInScope(scope)}
      group by 1`),
    handle.execute(sql`
      select count(*)::int as n, coalesce(sum(return_visits.satisfaction), 0)::int as total
      from return_visits ${requestFor(scope, "return_visits.request_id")}
      where return_visits.visited_on between ${period.from}::date and ${period.to}::date`),
  ]);
  const visits = rowsOf<{ n: number; total: number }>(visitRows)[0];
  return satisfactionSummary({
    ratings: new Map(rowsOf<{ rating: number; n: number }>(ratingRows).map((r) => [Number(r.rating), Number(r.n)])),
    visits: Number(visits?.n ?? 0),
    visitTotal: Number(visits?.total ?? 0),
  });
}

/** The satisfaction panel read from report_panel_counts (whole months, any scope: migrations 0042, 0049). */
export async function satisfactionFromCounts(period: Period, scope: ReportScope, handle: DbOrTx = db) {
  const rows = rowsOf<{ panel: string; key: string; n: string; total: string }>(
    await handle.execute(sql`
      select panel, key, sum(count)::text as n, sum(total)::text as total from report_panel_counts
      where panel in ('rating', 'visit') and ${inMonths(period)} ${panelRowsInScope(scope)}
      group by 1, 2`),
  );
  const visits = rows.find((r) => r.panel === "visit");
  return satisfactionSummary({
    ratings: new Map(rows.filter((r) => r.panel === "rating").map((r) => [Number(r.key), Number(r.n)])),
    visits: Number(visits?.n ?? 0),
    visitTotal: Number(visits?.total ?? 0),
  });
}

/** Every panel of the dashboard for an admin (403 otherwise), within their region scope. */
export async function getDashboardPanels(actor: Actor | null, period: Period) {
  const admin = requirePermission(actor, "report.read");
  const scope = reportScope(admin);
  const [status, declines, breaches, caseload, ratings] = await Promise.all([
    requestsByStatus(period, scope),
    declinedOffers(period, scope),
    deadlineBreaches(period, scope),
    caseloadPerExpert(scope),
    satisfaction(period, scope),
  ]);
  return { status, declines, breaches, caseload, satisfaction: ratings };
}
