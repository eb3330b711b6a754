import { requirePermission, type Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { translator } from "@/lib/i18n/translate";
import { acceptTimes, type AcceptTimes } from "./accept-times";
import { dutyColumns, dutyFigures, hasDutyFigures, isEmptyDuty, zeroDutyFigures, type DutyColumns, type DutyFigures } from "./duty-figures";
import { rankedExperts } from "./expert-ranking";
import { byRank, groupedFigures, hasFigures, rollupsAnswer, zeroFigures, type FigureDimension, type Figures } from "./figures";
import { labelsFor } from "./labels";
import { monthsOf, type Period } from "./period";
import type { ReportDimension } from "./schemas";
import { reportScope, type ReportScope } from "./scope";

/**
 * A row of the report. Grouped by station or by expert (and their totals) it also carries the duty
 * figures (lib/reports/duty-figures.ts): sessions held, consultations, service hours.
 */
export interface ReportRow extends Figures, Partial<DutyColumns> {
  key: string;
  label: string;
  /** Requests filed in the period that have been accepted (the base of the two times below). */
  acceptedRequests: number;
  medianHoursToAccept: number | null;
  p90HoursToAccept: number | null;
}

export interface Report {
  groupBy: ReportDimension;
  from: string;
  to: string;
  /**
   * Which computation answered: the monthly rollups, or the ledger directly (for a period of
   * part-months, the days at its ends; its whole months still come from the rollups).
   */
  source: "rollups" | "ledger";
  /** The rows, or one page of them when a page was asked for. */
  rows: ReportRow[];
  /** The period's totals (never the sum of the rows: a request may have several specialties). */
  totals: ReportRow;
  page: number;
  pageSize: number;
  /** How many rows the whole report has. */
  total: number;
}

/** One page of a report's rows (1-based). */
export interface ReportPaging {
  page: number;
  pageSize: number;
}

/** The rows of `keys`, labelled, from the figures, acceptance times and duty figures found for them (zero otherwise). */
function labelledRows(
  keys: string[],
  labels: Map<string, string>,
  figures: Map<string, Figures>,
  times: Map<string, AcceptTimes>,
  duty: Map<string, DutyFigures> | null,
): ReportRow[] {
  return keys.map((key) => {
    const time = times.get(key);
    return {
      key,
      label: labels.get(key) ?? key,
      ...(figures.get(key) ?? zeroFigures()),
      acceptedRequests: time?.accepted ?? 0,
      medianHoursToAccept: time?.medianHours ?? null,
      p90HoursToAccept: time?.p90Hours ?? null,
      ...(duty ? dutyColumns(duty.get(key) ?? zeroDutyFigures()) : {}),
    };
  });
}

/** Experts without request figures in the period, only duty figures: after the others, by service hours, then name. */
const byServiceHours = (locale: Locale) => (a: ReportRow, b: ReportRow) =>
  (b.serviceHours ?? 0) - (a.serviceHours ?? 0) || a.label.localeCompare(b.label, locale);

/**
 * Rows of one dimension for a scope and period, labelled; months come complete, empty ones too.
 * By station and by expert the rows carry the duty figures, and so do the totals ("all") when
 * `withDuty` asks for them (the totals of a report by station or expert).
 */
export async function reportRows(
  dimension: FigureDimension,
  period: Period,
  scope: ReportScope,
  locale: Locale,
  withDuty: boolean = hasDutyFigures(dimension),
): Promise<ReportRow[]> {
  const dutyDimension = hasDutyFigures(dimension) ? dimension : dimension === "all" && withDuty ? "all" : null;
  const [figures, times, duty] = await Promise.all([
    groupedFigures(dimension, period, scope),
    acceptTimes(dimension, period, scope),
    dutyDimension ? dutyFigures(dutyDimension, period, scope) : null,
  ]);
  const keys =
    dimension === "month"
      ? monthsOf(period)
      : dimension === "all"
        ? [""]
        : [...new Set([...figures.keys(), ...times.keys(), ...(duty?.keys() ?? [])])];
  const rows = labelledRows(keys, await labelsFor(dimension, keys, locale, translator(locale)), figures, times, duty);
  if (dimension === "month" || dimension === "all") return rows;
  // Rollup rows a reassigned or moved case has left behind at zero say nothing: leave them out.
  const hasDuty = (key: string) => duty?.has(key) && !isEmptyDuty(duty.get(key)!);
  const shown = rows.filter((r) => hasFigures(r) || hasDuty(r.key));
  if (dimension === "expert") {
    // the order of the paged report (lib/reports/expert-ranking.ts), duty-only experts last
    return [...shown.filter(hasFigures).sort(byRank), ...shown.filter((r) => !hasFigures(r)).sort(byServiceHours(locale))];
  }
  return shown.sort(
    (a, b) =>
      b.requests - a.requests ||
      (b.recoveredFen > a.recoveredFen ? 1 : b.recoveredFen < a.recoveredFen ? -1 : 0) ||
      (b.serviceHours ?? 0) - (a.serviceHours ?? 0) ||
      a.label.localeCompare(b.label, locale),
  );
}

/**
 * One page of the report by expert, without computing the others: the ranked experts of the page
 * (lib/reports/expert-ranking.ts), then the experts with duty figures only; acceptance times and
 * names for the page's experts only.
 */
async function expertRowsPage(period: Period, scope: ReportScope, locale: Locale, { page, pageSize }: ReportPaging) {
  const offset = (page - 1) * pageSize;
  const [ranking, duty] = await Promise.all([rankedExperts(period, scope, offset + pageSize), dutyFigures("expert", period, scope)]);
  const dutyKeys = [...duty].filter(([, d]) => !isEmptyDuty(d)).map(([key]) => key);
  const top = ranking.top.slice(offset, offset + pageSize);
  const rankedKeys = top.map((r) => r.key);
  const ranked = await ranking.ranked(dutyKeys);
  const times = new Map(top.flatMap((r) => (r.times ? [[r.key, r.times] as const] : [])));
  const unassigned = translator(locale)("reports.labels.unassigned");
  const labels = new Map(top.map((r) => [r.key, r.name ?? (r.key === "" ? unassigned : r.key)]));
  const rows = labelledRows(rankedKeys, labels, new Map(top.map((r) => [r.key, r.figures])), times, duty);
  // experts with duty figures only come after every ranked one
  const dutyOnly = dutyKeys.filter((key) => !ranked.has(key));
  if (top.length < pageSize && dutyOnly.length) {
    const dutyLabels = await labelsFor("expert", dutyOnly, locale, translator(locale));
    const dutyOffset = Math.max(0, offset - ranking.count);
    rows.push(
      ...labelledRows(dutyOnly, dutyLabels, new Map(), new Map(), duty)
        .sort(byServiceHours(locale))
        .slice(dutyOffset, dutyOffset + pageSize - top.length),
    );
  }
  return { rows, total: ranking.count + dutyOnly.length };
}

/** One page of the rows of a dimension (by expert, computed for the page alone; the others are few, sliced). */
export async function reportRowsPage(dimension: ReportDimension, period: Period, scope: ReportScope, locale: Locale, paging: ReportPaging) {
  if (dimension === "expert") return expertRowsPage(period, scope, locale, paging);
  const rows = await reportRows(dimension, period, scope, locale);
  const offset = (paging.page - 1) * paging.pageSize;
  return { rows: rows.slice(offset, offset + paging.pageSize), total: rows.length };
}

/**
 * The law society's report for a period, grouped by one dimension, with the period's totals; all
 * its rows, or the page `paging` asks for.
 * Callers: admins (403 otherwise); a region-scoped admin sees only requests in their region (and,
 * by station or expert, the duty sessions held at their region's stations).
 * Amounts are exact bigint fen (from the rollups for whole months, else from the ledger).
 */
export async function getReport(
  actor: Actor | null,
  query: { groupBy: ReportDimension; period: Period; paging?: ReportPaging },
  locale: Locale,
): Promise<Report> {
  const admin = requirePermission(actor, "report.read");
  const scope = reportScope(admin);
  const { groupBy, period, paging } = query;
  const [body, [totals]] = await Promise.all([
    paging
      ? reportRowsPage(groupBy, period, scope, locale, paging)
      : reportRows(groupBy, period, scope, locale).then((rows) => ({ rows, total: rows.length })),
    reportRows("all", period, scope, locale, hasDutyFigures(groupBy)),
  ]);
  return {
    groupBy,
    from: period.from,
    to: period.to,
    source: rollupsAnswer(groupBy, period) ? "rollups" : "ledger",
    rows: body.rows,
    totals: totals!,
    page: paging?.page ?? 1,
    pageSize: paging?.pageSize ?? body.total,
    total: body.total,
  };
}
