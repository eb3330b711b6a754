import type { Locale } from "@/lib/i18n/catalog";
import { formatCount, formatDecimal } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { formatFen } from "@/lib/money";
import type { Report, ReportRow } from "@/lib/reports/get-report";

export const formatHours = (hours: number | null, locale: Locale) => (hours === null ? "—" : formatDecimal(hours, locale));

/** The grouped figures with the period's totals: a table on a desktop, cards on a phone. */
export function ReportTable({ report, t, locale }: { report: Report; t: Translate; locale: Locale }) {
  const n = (value: number) => formatCount(value, locale);
  const cells = (r: ReportRow) => [
    n(r.requests),
    n(r.requestsResolved),
    n(r.disputesOpened),
    n(r.disputesResolved),
    formatFen(r.claimedFen),
    formatFen(r.recoveredFen),
    formatHours(r.medianHoursToAccept, locale),
    formatHours(r.p90HoursToAccept, locale),
  ];
  const headers = [
    t("reports.columns.requests"),
    t("reports.columns.requestsResolved"),
    t("reports.columns.disputesOpened"),
    t("reports.columns.disputesResolved"),
    t("reports.columns.claimed"),
    t("reports.columns.recovered"),
    t("reports.columns.medianHours"),
    t("reports.columns.p90Hours"),
  ];
  const rows = [
    ...report.rows.map((r) => ({ row: r, label: r.label, total: false })),
    { row: report.totals, label: t("reports.columns.total"), total: true },
  ];
  return (
    <div>
      <ul className="space-y-2 md:hidden">
        {rows.map(({ row, label, total }) => (
          <li key={`${row.key}-${total}`} className={`rounded-md border p-3 text-sm ${total ? "border-slate-400 bg-slate-50" : "border-slate-200"}`}>
            <p className="mb-1 font-semibold text-slate-900">{label}</p>
            <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-0.5">
              {cells(row).map((value, i) => (
                <div key={headers[i]} className="contents">
                  <dt className="text-slate-600">{headers[i]}</dt>
                  <dd className="text-right tabular-nums">{value}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th className="py-2 pr-3 font-medium">{t(`reports.dimensionName.${report.groupBy}`)}</th>
              {headers.map((h) => (
                <th key={h} className="py-2 pr-3 text-right font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {report.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className="py-2 pr-3 font-normal text-slate-900">
                  {r.label}
                </th>
                {cells(r).map((value, i) => (
                  <td key={headers[i]} className="py-2 pr-3 text-right whitespace-nowrap tabular-nums">
                    {value}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-slate-300 font-semibold">
            <tr>
              <th scope="row" className="py-2 pr-3">
                {t("reports.columns.total")}
              </th>
              {cells(report.totals).map((value, i) => (
                <td key={headers[i]} className="py-2 pr-3 text-right whitespace-nowrap tabular-nums">
                  {value}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
