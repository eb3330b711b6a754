import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n/translate";
import type { ChartDatum } from "./scale";

/**
 * A chart with its title, and the table behind it one click away (for screen readers, for
 * copying, and for anyone who would rather read the numbers).
 */
export function ChartFigure({
  id,
  title,
  data,
  valueLabel,
  t,
  children,
}: {
  id: string;
  title: string;
  data: ChartDatum[];
  valueLabel: string;
  t: Translate;
  children: ReactNode;
}) {
  return (
    <figure className="min-w-0 space-y-2" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="text-sm font-semibold text-slate-800">
        {title}
      </figcaption>
      {data.length ? (
        children
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-6 text-center text-sm text-slate-600">{t("reports.charts.empty")}</p>
      )}
      {data.length ? (
        <details className="text-sm no-print">
          <summary className="cursor-pointer text-brand-700">{t("reports.charts.table")}</summary>
          <table className="mt-2 w-full text-left">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th className="py-1 pr-3 font-medium">{title}</th>
                <th className="py-1 text-right font-medium">{valueLabel}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.map((d) => (
                <tr key={d.key}>
                  <td className="py-1 pr-3">{d.label}</td>
                  <td className="py-1 text-right tabular-nums">{d.display}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </figure>
  );
}
