import { todayInShanghai } from "@/lib/clock";

/**
 * A report period: whole calendar days from `from` to `to` inclusive, in Asia/Shanghai. When it
 * starts on the 1st and ends on a month's last day it is made of whole months, and the monthly
 * rollups can answer it; any other period is answered from the ledger directly (exact, slower).
 */
export interface Period {
  from: string;
  to: string;
  /** First day of the first month and of the last month ("YYYY-MM-01"). */
  fromMonth: string;
  toMonth: string;
  isWholeMonths: boolean;
  /** The same bounds as instants: [fromInstant, toExclusiveInstant). */
  fromInstant: Date;
  toExclusiveInstant: Date;
}

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** "YYYY-MM" or "YYYY-MM-DD" as the first (or, with `end`, last) day it covers; null if invalid. */
export function parsePeriodBound(value: string, end: boolean): string | null {
  const month = MONTH.exec(value);
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) return null;
    return end ? lastDayOfMonth(value) : `${value}-01`;
  }
  return DAY.test(value) && isRealDay(value) ? value : null;
}

const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

export function makePeriod(from: string, to: string): Period {
  const fromMonth = `${from.slice(0, 7)}-01`;
  const toMonth = `${to.slice(0, 7)}-01`;
  return {
    from,
    to,
    fromMonth,
    toMonth,
    isWholeMonths: from === fromMonth && to === lastDayOfMonth(to.slice(0, 7)),
    fromInstant: shanghaiMidnight(from),
    toExclusiveInstant: shanghaiMidnight(addDays(to, 1)),
  };
}

/**
 * The period cut where the monthly tables can answer it: its whole months (null when it holds none)
 * and the part-months at either end (none at an end that falls on a month's edge). A period within
 * one month, not the whole month, is one part.
 */
export function splitAtMonths(period: Period): { months: Period | null; parts: Period[] } {
  if (period.isWholeMonths) return { months: period, parts: [] };
  const firstWhole = period.from === period.fromMonth ? period.from : addDays(lastDayOfMonth(period.fromMonth.slice(0, 7)), 1);
  const lastWhole = period.to === lastDayOfMonth(period.toMonth.slice(0, 7)) ? period.to : addDays(period.toMonth, -1);
  if (firstWhole > lastWhole) return { months: null, parts: [period] };
  const parts: Period[] = [];
  if (period.from < firstWhole) parts.push(makePeriod(period.from, addDays(firstWhole, -1)));
  if (lastWhole < period.to) parts.push(makePeriod(addDays(lastWhole, 1), period.to));
  return { months: makePeriod(firstWhole, lastWhole), parts };
}

/** The default period: this year so far, to the end of the current month. */
export function defaultPeriod(today = todayInShanghai()): Period {
  return makePeriod(`${today.slice(0, 4)}-01-01`, lastDayOfMonth(today.slice(0, 7)));
}

/** The months of a period, "YYYY-MM", in order (for charts that show every month, even empty ones). */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [y, m] = period.fromMonth.split("-").map(Number) as [number, number];
  const end = period.toMonth.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    months.push(key);
    if (key >= end) break;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

/** The first days of the months of a period ("YYYY-MM-01"), in order: the month keys of the monthly tables. */
export function monthStartsOf(period: Period): string[] {
  return monthsOf(period).map((m) => `${m}-01`);
}
