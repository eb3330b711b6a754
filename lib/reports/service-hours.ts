import { sql, type SQL } from "drizzle-orm";
import { db, rowsOf, type DbOrTx } from "@/db";
import { stations } from "@/db/schema";
import { dutyPeriodMinutes } from "@/lib/duty/periods";
import { dutyPeriods } from "@/lib/enums";
import { withinRegion } from "@/lib/regions/codes";
import type { Period } from "./period";
import { requestInScope, type ReportScope } from "./scope";

/*
 * An expert's service hours over a period: the duty sessions (坐诊) they held, each counting the
 * hours of its period (lib/duty/periods.ts: a half-day 3.5 h, a whole day 7 h), plus the hours
 * they recorded on cases. A session counts on its date, an entry on the day worked. Planned,
 * confirmed, declined and cancelled sessions count nothing: only what was held.
 */

/** SQL: the service minutes a held session of the period in `period` (a duty_period) counts. */
export function sessionMinutesSql(period: SQL): SQL {
  // The minutes are the code's own constants (lib/duty/periods.ts), never input.
  const arms = dutyPeriods.map((p) => `when '${p}' then ${dutyPeriodMinutes(p)}`).join(" ");
  return sql`(case ${period}::text ${sql.raw(arms)} else 0 end)`;
}

/** SQL: the station (table `stations`) lies within the scope: duty days count where they were held. */
export function stationInScope(scope: ReportScope): SQL {
  return scope.regionCode ? withinRegion(stations.regionCode, scope.regionCode) : sql`true`;
}

/** Minutes as hours with at most two decimals (half hours are exact: 90 -> 1.5). */
export const minutesToHours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

export interface ServiceHours {
  sessionsHeld: number;
  /** Minutes of the sessions held. */
  dutyMinutes: number;
  /** Minutes recorded on cases. */
  caseMinutes: number;
  /** Both together, and the same in hours. */
  minutes: number;
  hours: number;
}

const EVERYWHERE: ReportScope = { regionCode: null, prefix: null, regionLevel: "county" };

/**
 * An expert's service hours over a period, within a scope (by default everywhere): sessions held at
 * stations in the scope, hours recorded on requests in it. Callers check who may read it; the
 * reports (lib/reports/duty-figures.ts) group the same rule by station and by expert.
 */
export async function serviceHoursOf(expertId: string, period: Period, scope: ReportScope = EVERYWHERE, handle: DbOrTx = db): Promise<ServiceHours> {
  const [sessions, hours] = await Promise.all([
    handle.execute(sql`
      select count(*)::int as n, coalesce(sum(${sessionMinutesSql(sql`s.period`)}), 0)::int as minutes
      from duty_sessions s join stations on stations.id = s.station_id
      where s.expert_id = ${expertId} and s.status = 'held' and s.date between ${period.from}::date and ${period.to}::date
        and ${stationInScope(scope)}`),
    handle.execute(sql`
      select coalesce(sum(h.minutes), 0)::int as minutes
      from case_hours h join requests on requests.id = h.request_id
      where h.expert_id = ${expertId} and h.worked_on between ${period.from}::date and ${period.to}::date and ${requestInScope(scope)}`),
  ]);
  const held = rowsOf<{ n: number; minutes: number }>(sessions)[0];
  const dutyMinutes = Number(held?.minutes ?? 0);
  const caseMinutes = Number(rowsOf<{ minutes: number }>(hours)[0]?.minutes ?? 0);
  return {
    sessionsHeld: Number(held?.n ?? 0),
    dutyMinutes,
    caseMinutes,
    minutes: dutyMinutes + caseMinutes,
    hours: minutesToHours(dutyMinutes + caseMinutes),
  };
}
