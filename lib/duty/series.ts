import { isPublicHoliday } from "@/lib/timeliness/calendar";
import { addDays } from "./dates";

/**
 * The dates of a plan: the one date, or every `everyWeeks` weeks from it until `until` (inclusive),
 * leaving out the mainland's public holidays (a make-up working day on a weekend is kept). One
 * date on its own is kept whatever day it is: the planner chose it. The schema has bounded the pattern.
 */
export function sessionDates(date: string, repeat?: { everyWeeks: number; until: string }): { dates: string[]; skipped: string[] } {
  if (!repeat) return { dates: [date], skipped: [] };
  const dates: string[] = [];
  const skipped: string[] = [];
  for (let day = date; day <= repeat.until; day = addDays(day, 7 * repeat.everyWeeks)) {
    (isPublicHoliday(day) ? skipped : dates).push(day);
  }
  return { dates, skipped };
}
