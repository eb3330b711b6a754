import { sql } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";
import { monthStartsOf, type Period } from "./period";

/**
 * A period of whole months as the calendar years that tables kept per year can answer
 * (report_accept_histogram_years, report_expert_years), the months to add from the monthly tables,
 * and the months to take away. A year counts when the period holds all of it, or January to its
 * last month while nothing is on record in the rest of that year: this year so far, the dashboard's
 * default period, is read from the yearly rows in any month. A year of which the period holds more
 * than half is read as the year less the months it does not hold (every figure and count is a sum:
 * "the last 12 months" is one year's rows and two months', not twelve months').
 */
export interface YearSpans {
  /** First days of the years ("YYYY-01-01"). */
  years: string[];
  /** First days of the months to add ("YYYY-MM-01"). */
  months: string[];
  /** First days of the months of those years to take away. */
  less: string[];
}

/** The spans of months alone (a town's, a report by month's). */
export const monthSpans = (period: Period): YearSpans => ({ years: [], months: monthStartsOf(period), less: [] });

/**
 * Whether nothing is on record after `month` ("YYYY-MM-01") in its calendar year: no monthly rollup
 * of a later month of that year, in any county. Every filing, dispute change and ledger entry adds to
 * the "all" rollup of its month, and every count kept per month (the acceptance times by month of
 * filing, the experts' figures) has a rollup in the same month, so the year's rows then hold January
 * to `month` and nothing else. One seek of the rollups' key.
 */
async function restOfYearEmpty(month: string, handle: DbOrTx): Promise<boolean> {
  const nextYear = `${Number(month.slice(0, 4)) + 1}-01-01`;
  const later = await handle.execute(sql`
    select 1 from report_rollups where dimension = 'all' and month > ${month}::date and month < ${nextYear}::date limit 1`);
  return rowsOf(later).length === 0;
}

const monthsOfYear = (year: string) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}-01`);

/** The period's years, the months to add and the months to take away (the period must be whole months). */
export async function yearSpans(period: Period, handle: DbOrTx): Promise<YearSpans> {
  const byYear = new Map<string, string[]>();
  for (const month of monthStartsOf(period)) {
    const year = month.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), month]);
  }
  const spans: YearSpans = { years: [], months: [], less: [] };
  const last = [...byYear.keys()].at(-1);
  for (const [year, months] of byYear) {
    const whole = months.length === 12;
    const soFar = !whole && year === last && months[0] === `${year}-01-01` && (await restOfYearEmpty(months.at(-1)!, handle));
    if (whole || soFar || months.length > 6) spans.years.push(`${year}-01-01`);
    else spans.months.push(...months);
    if (!whole && !soFar && months.length > 6) spans.less.push(...monthsOfYear(year).filter((m) => !months.includes(m)));
  }
  return spans;
}
