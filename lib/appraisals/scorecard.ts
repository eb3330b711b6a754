import { sql } from "drizzle-orm";
import { db, rowsOf, type DbOrTx } from "@/db";
import { dutyColumns, dutyFigures, zeroDutyFigures } from "@/lib/reports/duty-figures";
import { figuresFromLedger, zeroFigures } from "@/lib/reports/figures";
import { makePeriod, type Period } from "@/lib/reports/period";
import type { ReportScope } from "@/lib/reports/scope";
import { WORKING_HOURS_PER_DAY, workingHoursBetween } from "@/lib/timeliness/working-time";

/*
 * An expert's scorecard for a year (Asia/Shanghai calendar year), computed from the record: the
 * offers made to them that year and how they answered, the cases they resolved and how fast, the
 * money recovered on their cases, ratings and return-visit satisfaction, duty sessions held and
 * service hours, and the service-level deadlines they missed. Every figure is set-based: one query
 * per kind of fact for the whole set of experts, never a query per expert. The case and money
 * figures are the reports' own (lib/reports/figures.ts, by expert), the duty figures the duty
 * reports' (lib/reports/duty-figures.ts), working time the service levels' calendar.
 */

/** The scorecard's figures (JSON-safe: money in fen as a number, averages to two decimals). */
export interface Scorecard {
  offersMade: number;
  /** Accepted or declined by the offer's deadline (offers.expires_at). */
  offersAnsweredInTime: number;
  offersAccepted: number;
  offersDeclined: number;
  offersExpired: number;
  casesResolved: number;
  /** Median working hours from acceptance to the expert's first contact (first contacts made in the year). */
  medianHoursToFirstContact: number | null;
  /** Median working days from acceptance to resolution (cases resolved in the year). */
  medianDaysToResolution: number | null;
  recoveredFen: number;
  ratings: number;
  averageRating: number | null;
  returnVisits: number;
  averageSatisfaction: number | null;
  sessionsHeld: number;
  serviceHours: number;
  breaches: number;
}

export const scorecardFigures = [
  "offersMade",
  "offersAnsweredInTime",
  "offersAccepted",
  "offersDeclined",
  "offersExpired",
  "casesResolved",
  "medianHoursToFirstContact",
  "medianDaysToResolution",
  "recoveredFen",
  "ratings",
  "averageRating",
  "returnVisits",
  "averageSatisfaction",
  "sessionsHeld",
  "serviceHours",
  "breaches",
] as const satisfies readonly (keyof Scorecard)[];

/** The whole record, wherever the work was done: an appraisal looks at the expert, not a district. */
const EVERYWHERE: ReportScope = { regionCode: null, prefix: null, regionLevel: "county" };

/** The year as a report period: 1 January to 31 December, Asia/Shanghai. */
export const yearPeriod = (year: number): Period => makePeriod(`${year}-01-01`, `${year}-12-31`);

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const twoDecimals = (n: number | string | null) => (n === null ? null : Math.round(Number(n) * 100) / 100);

type Intervals = Map<string, [Date, Date][]>;

function groupIntervals(rows: { expert_id: string; start_at: string | Date; end_at: string | Date }[]): Intervals {
  const map: Intervals = new Map();
  for (const r of rows) {
    const list = map.get(r.expert_id) ?? [];
    list.push([new Date(r.start_at), new Date(r.end_at)]);
    map.set(r.expert_id, list);
  }
  return map;
}

/** The scorecards of a year for a set of experts (every id gets one, zeros for no record). */
export async function scorecards(year: number, expertIds: readonly string[], handle: DbOrTx = db): Promise<Map<string, Scorecard>> {
  const result = new Map<string, Scorecard>();
  if (expertIds.length === 0) return result;
  const period = yearPeriod(year);
  const from = period.fromInstant.toISOString();
  const to = period.toExclusiveInstant.toISOString();
  const ids = sql`(${sql.join(
    expertIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  const within = (column: string) => sql`${sql.raw(column)} >= ${from}::timestamptz and ${sql.raw(column)} < ${to}::timestamptz`;

  const [ledger, duty, offerRows, contactRows, resolutionRows, ratingRows, visitRows, breachRows] = await Promise.all([
    figuresFromLedger("expert", period, EVERYWHERE, handle),
    dutyFigures("expert", period, EVERYWHERE, handle),
    handle.execute(sql`
      select o.expert_id::text as expert_id, count(*)::int as made,
        count(*) filter (where o.status in ('accepted', 'declined') and o.answered_at <= o.expires_at)::int as in_time,
        count(*) filter (where o.status = 'accepted')::int as accepted,
        count(*) filter (where o.status = 'declined')::int as declined,
        count(*) filter (where o.status = 'expired')::int as expired
      from offers o where o.expert_id in ${ids} and ${within("o.created_at")}
      group by 1`),
    handle.execute(sql`
      select q.assigned_expert_id::text as expert_id, q.accepted_at as start_at, min(c.contacted_at) as end_at
      from requests q join request_contacts c on c.request_id = q.id and c.expert_id = q.assigned_expert_id and c.contacted_at >= q.accepted_at
      where q.assigned_expert_id in ${ids} and q.accepted_at is not null
      group by q.id
      having min(c.contacted_at) >= ${from}::timestamptz and min(c.contacted_at) < ${to}::timestamptz`),
    handle.execute(sql`
      select q.assigned_expert_id::text as expert_id, q.accepted_at as start_at, q.resolved_at as end_at
      from requests q
      where q.assigned_expert_id in ${ids} and q.status in ('resolved', 'closed') and q.accepted_at is not null and ${within("q.resolved_at")}`),
    handle.execute(sql`
      select q.assigned_expert_id::text as expert_id, count(*)::int as n, avg(q.rating)::float8 as average
      from requests q where q.assigned_expert_id in ${ids} and q.rating is not null and ${within("q.closed_at")}
      group by 1`),
    handle.execute(sql`
      select q.assigned_expert_id::text as expert_id, count(*)::int as n, avg(v.satisfaction)::float8 as average
      from return_visits v join requests q on q.id = v.request_id
      where q.assigned_expert_id in ${ids} and v.visited_on between ${period.from}::date and ${period.to}::date
      group by 1`),
    handle.execute(sql`
      select d.owed_by_expert_id::text as expert_id, count(*)::int as n
      from deadlines d where d.owed_by_expert_id in ${ids} and d.breached_at is not null and ${within("d.due_at")}
      group by 1`),
  ]);

  type Counted = { expert_id: string; n: number; average?: number | null };
  const offersBy = new Map(
    rowsOf<{ expert_id: string; made: number; in_time: number; accepted: number; declined: number; expired: number }>(offerRows).map((r) => [
      r.expert_id,
      r,
    ]),
  );
  const byExpert = (rows: Counted[]) => new Map(rows.map((r) => [r.expert_id, r]));
  const ratings = byExpert(rowsOf<Counted>(ratingRows));
  const visits = byExpert(rowsOf<Counted>(visitRows));
  const breaches = byExpert(rowsOf<Counted>(breachRows));
  const contacts = groupIntervals(rowsOf(contactRows));
  const resolutions = groupIntervals(rowsOf(resolutionRows));

  for (const id of expertIds) {
    const offers = offersBy.get(id);
    const figures = ledger.get(id) ?? zeroFigures();
    const dutyRow = dutyColumns(duty.get(id) ?? zeroDutyFigures());
    const contactHours = (contacts.get(id) ?? []).map(([a, b]) => workingHoursBetween(a, b));
    const resolutionDays = (resolutions.get(id) ?? []).map(([a, b]) => workingHoursBetween(a, b) / WORKING_HOURS_PER_DAY);
    result.set(id, {
      offersMade: Number(offers?.made ?? 0),
      offersAnsweredInTime: Number(offers?.in_time ?? 0),
      offersAccepted: Number(offers?.accepted ?? 0),
      offersDeclined: Number(offers?.declined ?? 0),
      offersExpired: Number(offers?.expired ?? 0),
      casesResolved: figures.requestsResolved,
      medianHoursToFirstContact: oneDecimal(median(contactHours)),
      medianDaysToResolution: oneDecimal(median(resolutionDays)),
      recoveredFen: Number(figures.recoveredFen),
      ratings: Number(ratings.get(id)?.n ?? 0),
      averageRating: twoDecimals(ratings.get(id)?.average ?? null),
      returnVisits: Number(visits.get(id)?.n ?? 0),
      averageSatisfaction: twoDecimals(visits.get(id)?.average ?? null),
      sessionsHeld: dutyRow.sessionsHeld,
      serviceHours: dutyRow.serviceHours,
      breaches: Number(breaches.get(id)?.n ?? 0),
    });
  }
  return result;
}
