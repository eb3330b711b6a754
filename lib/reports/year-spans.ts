import { sql } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";
import { monthStartsOf, type Period } from "./period";

/**
 * A period of whole months as the calendar years that tables kept per year can answer
 * (report_accept_histogram_years, report_expert_years) and the months left for the monthly tables.
 * A year counts when the period holds all of it, or January to its last month while nothing is on
 * record in the rest of that year: this year so far, the dashboard's default period, is read from
 * the yearly rows in any month.
 */
export interface YearSpans {
  /** First days of the whole years ("YYYY-01-01"). */
  years: string[];
  /** First days of the other months ("YYYY-MM-01"). */
  months: string[];
}

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

/** The period's whole years and its other months (the period must be whole months). */
export async function yearSpans(period: Period, handle: DbOrTx): Promise<YearSpans> {
  const byYear = new Map<string, string[]>();
  for (const month of monthStartsOf(period)) {
    const year = month.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), month]);
  }
  const spans: YearSpans = { years: [], months: [] };
  const last = [...byYear.keys()].at(-1);
  for (const [year, months] of byYear) {
    const whole = months.length === 12;
    const soFar = !whole && year === last && months[0] === `${year}-01-01` && (await restOfYearEmpty(months.at(-1)!, handle));
    if (whole || soFar) spans.years.push(`${year}-01-01`);
    else spans.months.push(...months);
  }
  return spans;
}
