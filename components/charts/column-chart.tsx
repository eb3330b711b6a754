import type { Translate } from "@/lib/i18n/translate";
import { ChartFigure } from "./chart-figure";
import { maxOf, ratioOf, type ChartDatum } from "./scale";

const SLOT = 44;
const BAR = 30;
const TOP = 28;
const PLOT = 130;
const BOTTOM = 42;
const MIN_WIDTH = 320;
const LABELLED = 14;

/**
 * Vertical bars, one per period (a trend over months or years), drawn as SVG on the server.
 * Each bar carries its value above it (its `tick`, short enough for the bar's width); a series
 * too long for that (over LABELLED bars) prints the highest only and says that the table below
 * holds every value. The drawing never grows past 1.2x its natural size, and a long series
 * scrolls sideways inside its card on a phone rather than shrinking its labels.
 */
export function ColumnChart({
  id,
  title,
  data,
  valueLabel,
  t,
  tone = "brand",
}: {
  id: string;
  title: string;
  data: ChartDatum[];
  valueLabel: string;
  t: Translate;
  tone?: "brand" | "accent";
}) {
  const max = maxOf(data.map((d) => d.value));
  const width = Math.max(data.length * SLOT + 24, MIN_WIDTH);
  const left = (width - data.length * SLOT) / 2;
  const height = TOP + PLOT + BOTTOM;
  const peakIndex = data.findIndex((d) => d.value === max && ratioOf(d.value, max) > 0);
  const fill = tone === "brand" ? "fill-brand-600" : "fill-amber-500";
  const step = data.length > 24 ? 3 : data.length > 14 ? 2 : 1;
  const everyValue = data.length <= LABELLED;
  const centre = (i: number) => left + i * SLOT + SLOT / 2;
  return (
    <ChartFigure id={id} title={title} data={data} valueLabel={valueLabel} t={t}>
      <div className="overflow-x-auto">
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          className="h-auto w-full"
          style={{ maxWidth: `${Math.round(width * 1.2)}px`, minWidth: `${Math.min(width, data.length * 34)}px` }}
        >
          <title id={`${id}-title`}>{t("reports.charts.chartOf", { title })}</title>
          <desc id={`${id}-desc`}>{data.map((d) => `${d.label} ${d.display}`).join(" · ")}</desc>
          <line x1={left - 6} x2={width - left + 6} y1={TOP + PLOT} y2={TOP + PLOT} className="stroke-slate-300" strokeWidth={1} />
          {data.map((d, i) => {
            const ratio = ratioOf(d.value, max);
            const h = ratio > 0 ? Math.max(ratio * PLOT, 2) : 0;
            return (
              <g key={d.key}>
                <rect x={centre(i) - BAR / 2} y={TOP + PLOT - h} width={BAR} height={h} rx={3} className={fill}>
                  <title>{`${d.label} · ${d.display}`}</title>
                </rect>
                {everyValue ? (
                  <text x={centre(i)} y={TOP + PLOT - h - 5} textAnchor="middle" className="fill-slate-800" fontSize={11} data-value>
                    {d.tick ?? d.display}
                  </text>
                ) : null}
                {i % step === 0 ? (
                  <text x={centre(i)} y={TOP + PLOT + 17} textAnchor="middle" className="fill-slate-600" fontSize={13}>
                    {d.short ?? d.label}
                  </text>
                ) : null}
                {d.group ? (
                  <text x={centre(i)} y={TOP + PLOT + 35} textAnchor="middle" className="fill-slate-500" fontSize={12}>
                    {d.group}
                  </text>
                ) : null}
              </g>
            );
          })}
          {!everyValue && peakIndex >= 0 ? (
            <text
              x={Math.min(Math.max(centre(peakIndex), 70), width - 70)}
              y={TOP - 10}
              textAnchor="middle"
              className="fill-slate-800 font-semibold"
              fontSize={13}
            >
              {data[peakIndex]!.display}
            </text>
          ) : null}
        </svg>
      </div>
      {everyValue ? null : <p className="text-xs text-slate-500">{t("reports.charts.peakOnly")}</p>}
    </ChartFigure>
  );
}
