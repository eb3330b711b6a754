import type { DutyPeriod } from "@/lib/enums";

/**
 * The hours of a duty session (坐诊) by its period, in Asia/Shanghai: a morning, an afternoon, or
 * the whole day. The one place the times live: the calendars show them and service hours count
 * them (a held morning or afternoon is 3.5 hours, a held day 7, the lunch break not counted).
 */
export interface DutyPeriodTimes {
  /** "HH:MM", local time. */
  start: string;
  end: string;
  /** The time worked: the half-days it covers, without the break between them. */
  minutes: number;
  /** The half-days it takes (a whole day takes both): what duty_expert_halves holds for it. */
  halves: readonly ("am" | "pm")[];
}

export const dutyPeriodTimes: Readonly<Record<DutyPeriod, DutyPeriodTimes>> = {
  am: { start: "08:30", end: "12:00", minutes: 210, halves: ["am"] },
  pm: { start: "13:30", end: "17:00", minutes: 210, halves: ["pm"] },
  day: { start: "08:30", end: "17:00", minutes: 420, halves: ["am", "pm"] },
};

/** The service minutes a held session of this period counts. */
export const dutyPeriodMinutes = (period: DutyPeriod): number => dutyPeriodTimes[period].minutes;

/** The same in hours (3.5 or 7). */
export const dutyPeriodHours = (period: DutyPeriod): number => dutyPeriodTimes[period].minutes / 60;

/** A session's start and end as instants: its date at the period's local times (UTC+8, no daylight saving). */
export function dutySessionInterval(date: string, period: DutyPeriod): { start: Date; end: Date } {
  const { start, end } = dutyPeriodTimes[period];
  return { start: new Date(`${date}T${start}:00+08:00`), end: new Date(`${date}T${end}:00+08:00`) };
}
