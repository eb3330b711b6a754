import { isWorkingDay } from "./calendar";

/*
 * Working time, as the law society's office keeps it: 08:30–12:00 and 13:30–17:30 China time on a
 * working day of the mainland calendar (./calendar.ts). Service levels in working hours and working
 * days are counted on it: a request filed on Friday evening before a holiday week is due in the
 * days after the holiday, not during it. China keeps one offset (UTC+8) all year.
 */

const CHINA_OFFSET_MS = 8 * 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** The office's hours, in minutes after midnight China time. */
export const WORKING_WINDOWS = [
  [8 * 60 + 30, 12 * 60],
  [13 * 60 + 30, 17 * 60 + 30],
] as const;
/** Working hours in a working day (7.5). */
export const WORKING_HOURS_PER_DAY = WORKING_WINDOWS.reduce((sum, [from, to]) => sum + (to - from), 0) / 60;
/** No service level reaches further than this; a loop that would is a bug, not a deadline. */
const MAX_DAYS = 3_660;

/** Midnight China time of the day holding `ms` (as a UTC timestamp), and that day's date. */
function chinaDay(ms: number): { start: number; date: string } {
  const local = ms + CHINA_OFFSET_MS;
  const startLocal = local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
  return { start: startLocal - CHINA_OFFSET_MS, date: new Date(startLocal).toISOString().slice(0, 10) };
}

/** Each working window from the day holding `from` onwards, as [start, end] timestamps. */
function* windowsFrom(from: number): Generator<[number, number]> {
  let { start } = chinaDay(from);
  for (let i = 0; i < MAX_DAYS; i++, start += DAY_MS) {
    if (!isWorkingDay(chinaDay(start).date)) continue;
    for (const [open, close] of WORKING_WINDOWS) yield [start + open * MINUTE_MS, start + close * MINUTE_MS];
  }
  throw new Error(`No working time within ${MAX_DAYS} days of ${new Date(from).toISOString()}`);
}

/** The moment `hours` working hours after `from` (a deadline in working hours). */
export function addWorkingHours(from: Date, hours: number): Date {
  let left = Math.round(hours * 60) * MINUTE_MS;
  if (left <= 0) return from;
  const begin = from.getTime();
  for (const [open, close] of windowsFrom(begin)) {
    const start = Math.max(open, begin);
    if (close <= start) continue;
    if (left <= close - start) return new Date(start + left);
    left -= close - start;
  }
  throw new Error("unreachable");
}

/** Working hours between two moments (0 when `to` is not after `from`), to the minute. */
export function workingHoursBetween(from: Date, to: Date): number {
  const begin = from.getTime();
  const end = to.getTime();
  let minutes = 0;
  if (end <= begin) return 0;
  for (const [open, close] of windowsFrom(begin)) {
    if (open >= end) break;
    const overlap = Math.min(close, end) - Math.max(open, begin);
    if (overlap > 0) minutes += Math.round(overlap / MINUTE_MS);
  }
  return minutes / 60;
}

/**
 * A deadline in working days: the close of the `days`-th working day after the day of `from`
 * (filed on a Monday with 3 working days: Thursday 17:30, when no holiday falls between).
 */
export function addWorkingDays(from: Date, days: number): Date {
  let { start } = chinaDay(from.getTime());
  let counted = 0;
  const close = WORKING_WINDOWS[WORKING_WINDOWS.length - 1]![1];
  for (let i = 0; i < MAX_DAYS; i++) {
    start += DAY_MS;
    if (isWorkingDay(chinaDay(start).date) && ++counted >= days) return new Date(start + close * MINUTE_MS);
  }
  throw new Error(`No ${days} working days within ${MAX_DAYS} days of ${from.toISOString()}`);
}
