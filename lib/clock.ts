import { sql, type SQL } from "drizzle-orm";

/**
 * The domain's one clock. Production reads the system's time; a test may stop it at a moment of
 * its choosing (`setClock`), so that deadlines, terms and "today" are exact without waiting.
 * Use cases that let a caller pass `now` (the simulator runs a year in minutes) fall back to it.
 */

/** Where the law society works: dates, months and deadlines are counted here. */
export const TIME_ZONE = "Asia/Shanghai";

let stoppedAt: number | null = null;

/** The current moment: the system's, or the one a test set. */
export function currentTime(): Date {
  return new Date(stoppedAt ?? Date.now());
}

/** For tests: stops the clock at `at`; `null` lets it run with the system's time again. */
export function setClock(at: Date | null): void {
  stoppedAt = at ? at.getTime() : null;
}

const today = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date in Asia/Shanghai as "YYYY-MM-DD", today unless `at` is given. */
export function todayInShanghai(at: Date = currentTime()): string {
  return today.format(at);
}

/**
 * The current moment in SQL: `at` when the caller passed one, else the stopped clock of a test,
 * else the database's own clock (the one clock every app instance shares, used for deadlines).
 */
export function clockSql(at?: Date): SQL {
  const moment = at ?? (stoppedAt === null ? null : currentTime());
  return moment ? sql`${moment.toISOString()}::timestamptz` : sql`now()`;
}
