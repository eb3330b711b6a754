import calendarData from "chinese-days/dist/chinese-days.json";

/*
 * The mainland working calendar: weekends, the public holidays the State Council publishes each
 * year, and the make-up working days (调休) on weekends around them. The dates come from a
 * maintained package (chinese-days), not from a list kept here; a new year's calendar arrives with
 * an update of the package (`npm update chinese-days`) once it is published, usually in November.
 * For a year the package does not know yet, Monday to Friday are working days. Only the package's
 * data file is read (with the package's own rule, below): its code ships as a UMD build and an ES
 * build marked CommonJS, which the bundler and plain Node each load differently.
 */

/** Is this date ("YYYY-MM-DD", a date in China) a working day? */
export function isWorkingDay(date: string): boolean {
  if (date in calendarData.workdays) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5 && !(date in calendarData.holidays);
}

/**
 * Is this date ("YYYY-MM-DD") a public holiday: a day of the State Council's holiday periods,
 * weekend days inside a period included (a Saturday of the National Day week), and never a make-up
 * working day (调休). An ordinary weekend is not a holiday; a year the calendar does not know has none.
 */
export function isPublicHoliday(date: string): boolean {
  return date in calendarData.holidays && !(date in calendarData.workdays);
}

/** The last year whose holidays the calendar knows (later years: Monday to Friday only). */
export const CALENDAR_KNOWN_UNTIL = Math.max(...Object.keys(calendarData.holidays).map((day) => Number(day.slice(0, 4))));

/**
 * The year whose public holidays the calendar should know by `today` ("YYYY-MM-DD") but does not:
 * this year, or from November on (the State Council publishes the next year's then) next year.
 * Null when the calendar is up to date. Deadlines in such a year count Monday to Friday only.
 */
export function missingCalendarYear(today: string, knownUntil: number = CALENDAR_KNOWN_UNTIL): number | null {
  const year = Number(today.slice(0, 4));
  const needed = Number(today.slice(5, 7)) >= 11 ? year + 1 : year;
  return needed > knownUntil ? knownUntil + 1 : null;
}
