import * as chineseDaysModule from "chinese-days";
import calendarData from "chinese-days/dist/chinese-days.json";

// Node itself (the tsx scripts: the simulator) loads the package's UMD build, whose functions only its
// default export carries; bundlers load the ES build, which names them.
const { isWorkday } = (chineseDaysModule as typeof chineseDaysModule & { default?: typeof chineseDaysModule }).default ?? chineseDaysModule;

/*
 * The mainland working calendar: weekends, the public holidays the State Council publishes each
 * year, and the make-up working days (调休) on weekends around them. The dates come from a
 * maintained package (chinese-days), not from a list kept here; a new year's calendar arrives with
 * an update of the package (`npm update chinese-days`) once it is published, usually in November.
 * For a year the package does not know yet, Monday to Friday are working days.
 */

/** Is this date ("YYYY-MM-DD", a date in China) a working day? */
export function isWorkingDay(date: string): boolean {
  return isWorkday(date);
}

/** The last year whose holidays the calendar knows (later years: Monday to Friday only). */
export const CALENDAR_KNOWN_UNTIL = Math.max(...Object.keys(calendarData.holidays).map((day) => Number(day.slice(0, 4))));
