import { Card } from "@/components/ui/card";
import { FigureTiles } from "@/components/ui/figures";
import type { Locale } from "@/lib/i18n/catalog";
import { formatCount, formatDecimal } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { DutyColumns, DutyReport, DutyRow } from "@/lib/reports/duty-figures";

const columns = [
  "sessionsHeld",
  "consultationsGiven",
  "bookingsNoShow",
  "requestsFromConsultations",
  "dutyHours",
  "caseHours",
  "serviceHours",
] as const satisfies readonly (keyof DutyColumns)[];

const isHours = (column: keyof DutyColumns) => column.endsWith("Hours");

/** One dimension's duty figures: a table on a desktop, cards on a phone, with the totals. */
function DutyTable({
  id,
  title,
  dimension,
  rows,
  totals,
  t,
  locale,
}: {
  id: string;
  title: string;
  dimension: "station" | "expert";
  rows: DutyRow[];
  totals: DutyColumns;
  t: Translate;
  locale: Locale;
}) {
  const value = (row: DutyColumns, column: keyof DutyColumns) =>
    isHours(column) ? formatDecimal(row[column], locale, 2) : formatCount(row[column], locale);
  const all = [
    ...rows.map((r) => ({ row: r as DutyColumns, key: r.key, label: r.label, total: false })),
    { row: totals, key: "", label: t("dutyFigures.dashboard.total"), total: true },
  ];
  return (
    <section aria-labelledby={id} className="space-y-2" data-testid={id}>
      <h3 id={id} className="text-sm font-semibold text-slate-800">
        {title}
      </h3>
      <ul className="space-y-2 md:hidden">
        {all.map(({ row, key, label, total }) => (
          <li key={`${key}-${total}`} className={`rounded-md border p-3 text-sm ${total ? "border-slate-400 bg-slate-50" : "border-slate-200"}`}>
            <p className="mb-1 font-semibold text-slate-900">{label}</p>
            <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-0.5">
              {columns.map((c) => (
                <div key={c} className="contents">
                  <dt className="text-slate-600">{t(`dutyFigures.columns.${c}`)}</dt>
                  <dd className={`text-right tabular-nums ${c === "serviceHours" ? "font-semibold" : ""}`}>{value(row, c)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full table-fixed text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th className="w-44 py-2 pr-3 font-medium">{t(`reports.dimensionName.${dimension}`)}</th>
              {columns.map((c) => (
                <th key={c} className="py-2 pr-3 text-right font-medium">
                  {t(`dutyFigures.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className="py-2 pr-3 font-normal text-slate-900">
                  {r.label}
                </th>
                {columns.map((c) => (
                  <td key={c} className={`py-2 pr-3 text-right whitespace-nowrap tabular-nums ${c === "serviceHours" ? "font-semibold" : ""}`}>
                    {value(r, c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-slate-300 font-semibold">
            <tr>
              <th scope="row" className="py-2 pr-3">
                {t("dutyFigures.dashboard.total")}
              </th>
              {columns.map((c) => (
                <td key={c} className="py-2 pr-3 text-right whitespace-nowrap tabular-nums">
                  {value(totals, c)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/**
 * The dashboard's "Duty days / 坐诊" section: the period's sessions held, consultations, no-shows,
 * requests from consultations and service hours, in total, by station and by expert (the admin's
 * district only, as every figure of the dashboard).
 */
export function DutySection({ duty, t, locale }: { duty: DutyReport; t: Translate; locale: Locale }) {
  const { totals } = duty;
  const hours = (h: number) => formatDecimal(h, locale, 2);
  const kpis = [
    {
      label: t("dutyFigures.columns.serviceHours"),
      value: hours(totals.serviceHours),
      note: t("dutyFigures.dashboard.hoursSplit", { duty: hours(totals.dutyHours), cases: hours(totals.caseHours) }),
      strong: true,
      wide: true,
    },
    { label: t("dutyFigures.columns.sessionsHeld"), value: formatCount(totals.sessionsHeld, locale) },
    { label: t("dutyFigures.columns.consultationsGiven"), value: formatCount(totals.consultationsGiven, locale) },
    { label: t("dutyFigures.columns.bookingsNoShow"), value: formatCount(totals.bookingsNoShow, locale) },
    { label: t("dutyFigures.columns.requestsFromConsultations"), value: formatCount(totals.requestsFromConsultations, locale) },
  ];
  const empty = !duty.byStation.length && !duty.byExpert.length;
  return (
    <Card id="duty" title={t("dutyFigures.dashboard.title")}>
      <div className="space-y-5">
        <p className="text-sm text-slate-600">{t("dutyFigures.dashboard.hint")}</p>
        <FigureTiles figures={kpis} columns="grid-cols-2 sm:grid-cols-3 lg:grid-cols-6" testId="duty-kpis" />
        {empty ? (
          <p className="text-sm text-slate-600">{t("dutyFigures.dashboard.empty")}</p>
        ) : (
          <>
            <DutyTable
              id="duty-by-station"
              title={t("dutyFigures.dashboard.byStation")}
              dimension="station"
              rows={duty.byStation}
              totals={totals}
              t={t}
              locale={locale}
            />
            <DutyTable
              id="duty-by-expert"
              title={t("dutyFigures.dashboard.byExpert")}
              dimension="expert"
              rows={duty.byExpert}
              totals={totals}
              t={t}
              locale={locale}
            />
          </>
        )}
      </div>
    </Card>
  );
}
