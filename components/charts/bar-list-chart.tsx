import type { Translate } from "@/lib/i18n/translate";
import { ChartFigure } from "./chart-figure";
import { maxOf, ratioOf, type ChartDatum } from "./scale";

/**
 * Horizontal bars for a breakdown (by region, specialty, reason...), largest first. Each row is
 * the label, an SVG bar and the exact value, so labels stay readable at any width.
 */
export function BarListChart({ id, title, data, valueLabel, t, limit = 10 }: { id: string; title: string; data: ChartDatum[]; valueLabel: string; t: Translate; limit?: number }) {
  const max = maxOf(data.map((d) => d.value));
  const rows = data.slice(0, limit);
  return (
    <ChartFigure id={id} title={title} data={data} valueLabel={valueLabel} t={t}>
      <ul className="space-y-2" aria-hidden="true">
        {rows.map((d) => (
          <li key={d.key} className="grid grid-cols-[minmax(0,8rem)_1fr] items-center gap-x-3 gap-y-0.5 text-sm sm:grid-cols-[minmax(0,10rem)_1fr_auto]">
            <span className="truncate text-slate-700" title={d.label}>
              {d.label}
            </span>
            <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="h-3 w-full" focusable="false">
              <rect x={0} y={0} width={100} height={10} rx={2} className="fill-slate-100" />
              <rect x={0} y={0} width={Math.max(ratioOf(d.value, max) * 100, ratioOf(d.value, max) > 0 ? 0.8 : 0)} height={10} rx={2} className="fill-brand-600" />
            </svg>
            <span className="col-start-2 text-right font-medium text-slate-900 tabular-nums sm:col-start-3">{d.display}</span>
          </li>
        ))}
      </ul>
      <p className="sr-only">{data.map((d) => `${d.label} ${d.display}`).join(" · ")}</p>
    </ChartFigure>
  );
}
