import { and, eq, gt, lte, sql, type SQL } from "drizzle-orm";
import { expertRoutingProfiles, experts } from "@/db/schema";
import { todayInShanghai } from "@/lib/clock";

/**
 * An appointment is current from its start date up to, not including, its end date (Asia/Shanghai):
 * on the end date the expert leaves the directory and matching, with no manual step.
 */
export function isTermCurrent(termStart: string | null, termEnd: string | null, today = todayInShanghai()): boolean {
  return termStart !== null && termEnd !== null && termStart <= today && today < termEnd;
}

/**
 * SQL for "active with a current appointment", the condition for the directory and matching: on the
 * expert's row, or on the routing profile's copy of its status and term (the directory reads those).
 */
export function hasCurrentAppointment(today = todayInShanghai(), of: typeof experts | typeof expertRoutingProfiles = experts): SQL {
  return and(eq(of.status, "active"), lte(of.termStart, today), gt(of.termEnd, today)) ?? sql`false`;
}

/** The end date of a term of `years` starting on `start` (both "YYYY-MM-DD"). */
export function termEndFor(start: string, years: number): string {
  const [y, m, d] = start.split("-").map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February plus whole years lands on 1 March in a common year, which is what the letter means.
  return end.toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both "YYYY-MM-DD"); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The calendar date `days` after `date` ("YYYY-MM-DD"). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
