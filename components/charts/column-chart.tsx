import type { Translate } from "@/lib/i18n/translate";
import { ChartFigure } from "./chart-figure";
import { maxOf, ratioOf, type ChartDatum } from "./scale";

const BAR = 34;
const GAP = 12;
const PLOT = 150;
const TOP = 22;
const LABELS = 40;

/**
 * Vertical bars, one per period (a trend over months or years), drawn as SVG on the server.
 * The value of the highest bar is printed on it; every value is in the table below and in each
 * bar's tooltip. Wide series scroll sideways on a phone instead of shrinking their labels.
 */
export function ColumnChart({ id, title, data, valueLabel, t, tone = "brand" }: { id: string; title: string; data: ChartDatum[]; valueLabel: string; t: Translate; tone?: "brand" | "accent" }) {
  const max = maxOf(data.map((d) => d.value));
  const width = data.length * (BAR + GAP) + GAP;
  const height = TOP + PLOT + LABELS;
  const peak = data.find((d) => d.value === max && ratioOf(d.value, max) > 0);
  const fill = tone === "brand" ? "fill-brand-600" : "fill-amber-500";
  const step = data.length > 18 ? 3 : data.length > 12 ? 2 : 1;
  return (
    <ChartFigure id={id} title={title} data={data} valueLabel={valueLabel} t={t}>
      <div className="overflow-x-auto">
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          className="h-auto w-full"
          style={{ minWidth: `${Math.min(width, data.length * 30)}px` }}
        >
          <title id={`${id}-title`}>{t("reports.charts.chartOf", { title })}</title>
          <desc id={`${id}-desc`}>{data.map((d) => `${d.label} ${d.display}`).join(" · ")}</desc>
          <line x1={0} x2={width} y1={TOP + PLOT} y2={TOP + PLOT} className="stroke-slate-300" strokeWidth={1} />
          {data.map((d, i) => {
            const h = Math.max(ratioOf(d.value, max) * PLOT, ratioOf(d.value, max) > 0 ? 2 : 0);
            const x = GAP + i * (BAR + GAP);
            return (
              <g key={d.key}>
                <rect x={x} y={TOP + PLOT - h} width={BAR} height={h} rx={3} className={fill}>
                  <title>{`${d.label} · ${d.display}`}</title>
                </rect>
                {i % step === 0 ? (
                  <text x={x + BAR / 2} y={TOP + PLOT + 18} textAnchor="middle" className="fill-slate-600 text-[12px]">
                    {d.label}
                  </text>
                ) : null}
              </g>
            );
          })}
          {peak ? (
            <text
              x={Math.min(Math.max(GAP + data.indexOf(peak) * (BAR + GAP) + BAR / 2, 60), width - 60)}
              y={TOP - 8}
              textAnchor="middle"
              className="fill-slate-800 text-[12px] font-semibold"
            >
              {peak.display}
            </text>
          ) : null}
        </svg>
      </div>
    </ChartFigure>
  );
}
