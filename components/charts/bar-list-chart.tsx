import type { Translate } from "@/lib/i18n/translate";
import { ChartFigure } from "./chart-figure";
import { maxOf, ratioOf, type ChartDatum } from "./scale";

/**
 * Horizontal bars for a breakdown (by region, specialty, reason...), in the order given. Each row
 * is the label and the exact value above an SVG bar, so both stay readable at any width. The first
 * `limit` rows are drawn; the chart says how many more there are (all are in its table).
 */
export function BarListChart({
  id,
  title,
  data,
  valueLabel,
  t,
  limit = 10,
}: {
  id: string;
  title: string;
  data: ChartDatum[];
  valueLabel: string;
  t: Translate;
  limit?: number;
}) {
  const max = maxOf(data.map((d) => d.value));
  const rows = data.slice(0, limit);
  return (
    <ChartFigure id={id} title={title} data={data} valueLabel={valueLabel} t={t}>
      <ul className="space-y-2.5" aria-hidden="true">
        {rows.map((d) => (
          <li key={d.key} className="text-sm">
            <div className="flex items-baseline justify-between gap-3">
              <span className="min-w-0 truncate text-slate-700" title={d.label}>
                {d.label}
              </span>
              <span className="shrink-0 font-medium text-slate-900 tabular-nums">{d.display}</span>
            </div>
            <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="mt-1 h-2.5 w-full" focusable="false">
              <rect x={0} y={0} width={100} height={10} rx={2} className="fill-slate-100" />
              <rect
                x={0}
                y={0}
                width={Math.max(ratioOf(d.value, max) * 100, ratioOf(d.value, max) > 0 ? 0.8 : 0)}
                height={10}
                rx={2}
                className="fill-brand-600"
              />
            </svg>
          </li>
        ))}
      </ul>
      {data.length > rows.length ? (
        <p className="text-xs text-slate-500" data-testid={`${id}-more`}>
          {t("reports.charts.moreNotShown", { n: data.length - rows.length })}
        </p>
      ) : null}
      <p className="sr-only">{data.map((d) => `${d.label} ${d.display}`).join(" · ")}</p>
    </ChartFigure>
  );
}
