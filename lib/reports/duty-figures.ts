import { sql } from "drizzle-orm";
import { db, rowsOf, type DbOrTx } from "@/db";
import { requirePermission, type Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { translator } from "@/lib/i18n/translate";
import { ZONE_COUNTIES } from "@/lib/regions/zone";
import type { FigureDimension } from "./figures";
import { labelsFor } from "./labels";
import type { Period } from "./period";
import { reportScope, requestInScope, type ReportScope } from "./scope";
import { minutesToHours, sessionMinutesSql, stationInScope } from "./service-hours";

/*
 * The figures of the experts' work in the community, by station and by expert: duty sessions held,
 * consultations given (attended bookings), bookings not attended, requests that came from a
 * consultation, and service hours (lib/reports/service-hours.ts). Sessions, their bookings and
 * the requests made from them count on the session's date, at the session's station, within the
 * admin's district; hours on a case count on the day worked, under the station that filed the
 * request (none for a request filed online) and the expert who worked, within the district of the
 * request, as every request figure does.
 */

/** The dimensions that carry the duty figures (and "all", their totals). */
export type DutyDimension = "station" | "expert" | "all";
export const hasDutyFigures = (dimension: FigureDimension): dimension is "station" | "expert" => dimension === "station" || dimension === "expert";

export interface DutyFigures {
  sessionsHeld: number;
  consultationsGiven: number;
  bookingsNoShow: number;
  requestsFromConsultations: number;
  dutyMinutes: number;
  caseMinutes: number;
}

export const zeroDutyFigures = (): DutyFigures => ({
  sessionsHeld: 0,
  consultationsGiven: 0,
  bookingsNoShow: 0,
  requestsFromConsultations: 0,
  dutyMinutes: 0,
  caseMinutes: 0,
});

/** The duty figures as a report row carries them (API, exports, dashboard): counts, and hours. */
export interface DutyColumns {
  sessionsHeld: number;
  consultationsGiven: number;
  bookingsNoShow: number;
  requestsFromConsultations: number;
  /** Duty hours and case hours together. */
  serviceHours: number;
  dutyHours: number;
  caseHours: number;
}

export function dutyColumns(f: DutyFigures): DutyColumns {
  return {
    sessionsHeld: f.sessionsHeld,
    consultationsGiven: f.consultationsGiven,
    bookingsNoShow: f.bookingsNoShow,
    requestsFromConsultations: f.requestsFromConsultations,
    serviceHours: minutesToHours(f.dutyMinutes + f.caseMinutes),
    dutyHours: minutesToHours(f.dutyMinutes),
    caseHours: minutesToHours(f.caseMinutes),
  };
}

export const isEmptyDuty = (f: DutyFigures) =>
  !f.sessionsHeld && !f.consultationsGiven && !f.bookingsNoShow && !f.requestsFromConsultations && !f.dutyMinutes && !f.caseMinutes;

interface Row {
  key: string;
  held: number;
  attended: number;
  no_show: number;
  from_consultations: number;
  duty_minutes: number;
  case_minutes: number;
}

/** The duty figures of a period grouped by station, by expert, or all together (key ""), within a scope. */
export async function dutyFigures(
  dimension: DutyDimension,
  period: Period,
  scope: ReportScope,
  handle: DbOrTx = db,
): Promise<Map<string, DutyFigures>> {
  const key = dimension === "station" ? sql`facts.station_key` : dimension === "expert" ? sql`facts.expert_key` : sql`''`;
  const onDates = (column: string) => sql`${sql.raw(column)} between ${period.from}::date and ${period.to}::date`;
  const result = await handle.execute(sql`
    with facts as (
      select s.station_id::text as station_key, s.expert_id::text as expert_key, 1 as held, ${sessionMinutesSql(sql`s.period`)} as duty_minutes,
          0 as attended, 0 as no_show, 0 as from_consultations, 0 as case_minutes
        from duty_sessions s join stations on stations.id = s.station_id
        where s.status = 'held' and ${onDates("s.date")} and ${stationInScope(scope)}
      union all
      select s.station_id::text, s.expert_id::text, 0, 0,
          (b.status = 'attended')::int, (b.status = 'no_show')::int, (b.request_id is not null)::int, 0
        from duty_bookings b join duty_sessions s on s.id = b.session_id join stations on stations.id = s.station_id
        where (b.status in ('attended', 'no_show') or b.request_id is not null) and ${onDates("s.date")} and ${stationInScope(scope)}
      union all
      select coalesce(requests.station_id::text, ''), h.expert_id::text, 0, 0, 0, 0, 0, h.minutes
        from case_hours h join requests on requests.id = h.request_id
        where ${onDates("h.worked_on")} and ${requestInScope(scope)}
    )
    select ${key} as key, sum(held)::int as held, sum(attended)::int as attended, sum(no_show)::int as no_show,
      sum(from_consultations)::int as from_consultations, sum(duty_minutes)::int as duty_minutes, sum(case_minutes)::int as case_minutes
    from facts group by 1`);
  return new Map(
    rowsOf<Row>(result).map((r) => [
      r.key,
      {
        sessionsHeld: Number(r.held),
        consultationsGiven: Number(r.attended),
        bookingsNoShow: Number(r.no_show),
        requestsFromConsultations: Number(r.from_consultations),
        dutyMinutes: Number(r.duty_minutes),
        caseMinutes: Number(r.case_minutes),
      },
    ]),
  );
}

export type DutyRow = DutyColumns & { key: string; label: string };

/** Rows of one dimension, labelled, most service hours first (the empty ones left out). */
async function dutyRows(dimension: "station" | "expert", period: Period, scope: ReportScope, locale: Locale): Promise<DutyRow[]> {
  const figures = await dutyFigures(dimension, period, scope);
  const keys = [...figures.keys()].filter((k) => !isEmptyDuty(figures.get(k)!));
  const labels = await labelsFor(dimension, keys, locale, translator(locale));
  return keys
    .map((key) => ({ key, label: labels.get(key) ?? key, ...dutyColumns(figures.get(key)!) }))
    .sort((a, b) => b.serviceHours - a.serviceHours || b.sessionsHeld - a.sessionsHeld || a.label.localeCompare(b.label, locale));
}

/**
 * The dashboard's duty section: by station, by expert, and the period's totals. Callers: admins
 * (403 otherwise), within their district, as every report.
 */
export async function getDutyReport(actor: Actor | null, period: Period, locale: Locale) {
  const admin = requirePermission(actor, "report.read");
  const scope = reportScope(admin);
  const [byStation, byExpert, totals] = await Promise.all([
    dutyRows("station", period, scope, locale),
    dutyRows("expert", period, scope, locale),
    dutyFigures("all", period, scope),
  ]);
  return { byStation, byExpert, totals: dutyColumns(totals.get("") ?? zeroDutyFigures()) };
}
export type DutyReport = Awaited<ReturnType<typeof getDutyReport>>;

/**
 * The public impact page's duty figures by district of the zone, since the beginning: sessions held
 * and consultations given (attended bookings) at the stations of each district. Aggregates only.
 */
export async function getDutyImpact(): Promise<{ code: string; sessionsHeld: number; consultationsGiven: number }[]> {
  const result = await db.execute(sql`
    select left(stations.region_code, 6) as county, sum(facts.held)::int as held, sum(facts.attended)::int as attended
    from (
      select s.station_id, 1 as held, 0 as attended from duty_sessions s where s.status = 'held'
      union all
      select s.station_id, 0, 1 from duty_bookings b join duty_sessions s on s.id = b.session_id where b.status = 'attended'
    ) facts join stations on stations.id = facts.station_id
    group by 1`);
  const rows = rowsOf<{ county: string; held: number; attended: number }>(result);
  return ZONE_COUNTIES.map((code) => {
    const row = rows.find((r) => r.county === code);
    return { code, sessionsHeld: Number(row?.held ?? 0), consultationsGiven: Number(row?.attended ?? 0) };
  });
}
