import { requirePermission, type Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { translator } from "@/lib/i18n/translate";
import { acceptTimes } from "./accept-times";
import { dutyColumns, dutyFigures, hasDutyFigures, isEmptyDuty, zeroDutyFigures, type DutyColumns } from "./duty-figures";
import { groupedFigures, rollupsAnswer, zeroFigures, type FigureDimension, type Figures } from "./figures";
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
  /** Which computation answered: the monthly rollups, or the ledger directly. */
  source: "rollups" | "ledger";
  rows: ReportRow[];
  /** The period's totals (never the sum of the rows: a request may have several specialties). */
  totals: ReportRow;
}

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
  const labels = await labelsFor(dimension, keys, locale, translator(locale));
  const rows = keys.map((key) => {
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
  if (dimension === "month" || dimension === "all") return rows;
  // Rollup rows a reassigned or moved case has left behind at zero say nothing: leave them out.
  const hasRequestFigures = (r: ReportRow) =>
    r.requests || r.requestsResolved || r.disputesOpened || r.disputesResolved || r.claimedFen || r.recoveredFen || r.acceptedRequests;
  const hasDuty = (key: string) => duty?.has(key) && !isEmptyDuty(duty.get(key)!);
  return rows
    .filter((r) => hasRequestFigures(r) || hasDuty(r.key))
    .sort(
      (a, b) =>
        b.requests - a.requests ||
        (b.recoveredFen > a.recoveredFen ? 1 : b.recoveredFen < a.recoveredFen ? -1 : 0) ||
        (b.serviceHours ?? 0) - (a.serviceHours ?? 0) ||
        a.label.localeCompare(b.label, locale),
    );
}

/**
 * The law society's report for a period, grouped by one dimension, with the period's totals.
 * Callers: admins (403 otherwise); a region-scoped admin sees only requests in their region (and,
 * by station or expert, the duty sessions held at their region's stations).
 * Amounts are exact bigint fen (from the rollups for whole months, else from the ledger).
 */
export async function getReport(actor: Actor | null, query: { groupBy: ReportDimension; period: Period }, locale: Locale): Promise<Report> {
  const admin = requirePermission(actor, "report.read");
  const scope = reportScope(admin);
  const [rows, [totals]] = await Promise.all([
    reportRows(query.groupBy, query.period, scope, locale),
    reportRows("all", query.period, scope, locale, hasDutyFigures(query.groupBy)),
  ]);
  return {
    groupBy: query.groupBy,
    from: query.period.from,
    to: query.period.to,
    source: rollupsAnswer(query.groupBy, query.period, scope) ? "rollups" : "ledger",
    rows,
    totals: totals!,
  };
}
