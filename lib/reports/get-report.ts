import { requirePermission, type Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { translator } from "@/lib/i18n/translate";
import { acceptTimes } from "./accept-times";
import { groupedFigures, zeroFigures, type FigureDimension, type Figures } from "./figures";
import { labelsFor } from "./labels";
import { monthsOf, type Period } from "./period";
import type { ReportDimension } from "./schemas";
import { reportScope, rollupServes, type ReportScope } from "./scope";

export interface ReportRow extends Figures {
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

/** Rows of one dimension for a scope and period, labelled; months come complete, empty ones too. */
export async function reportRows(dimension: FigureDimension, period: Period, scope: ReportScope, locale: Locale): Promise<ReportRow[]> {
  const [figures, times] = await Promise.all([groupedFigures(dimension, period, scope), acceptTimes(dimension, period, scope)]);
  const keys = dimension === "month" ? monthsOf(period) : dimension === "all" ? [""] : [...new Set([...figures.keys(), ...times.keys()])];
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
    };
  });
  if (dimension === "month" || dimension === "all") return rows;
  // Rollup rows a reassigned or moved case has left behind at zero say nothing: leave them out.
  return rows
    .filter((r) => r.requests || r.requestsResolved || r.disputesOpened || r.disputesResolved || r.claimedFen || r.recoveredFen || r.acceptedRequests)
    .sort(
      (a, b) =>
        b.requests - a.requests ||
        (b.recoveredFen > a.recoveredFen ? 1 : b.recoveredFen < a.recoveredFen ? -1 : 0) ||
        a.label.localeCompare(b.label, locale),
    );
}

/**
 * The law society's report for a period, grouped by one dimension, with the period's totals.
 * Callers: admins (403 otherwise); a region-scoped admin sees only requests in their region.
 * Amounts are exact bigint fen (from the rollups for whole months, else from the ledger).
 */
export async function getReport(actor: Actor | null, query: { groupBy: ReportDimension; period: Period }, locale: Locale): Promise<Report> {
  const admin = requirePermission(actor, "report.read");
  const scope = reportScope(admin);
  const [rows, [totals]] = await Promise.all([
    reportRows(query.groupBy, query.period, scope, locale),
    reportRows("all", query.period, scope, locale),
  ]);
  return {
    groupBy: query.groupBy,
    from: query.period.from,
    to: query.period.to,
    source: rollupServes(scope, query.period) ? "rollups" : "ledger",
    rows,
    totals: totals!,
  };
}
