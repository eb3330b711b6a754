export interface Figure {
  label: string;
  value: string;
  /** A smaller line under the value. */
  note?: string;
  /** Takes two columns (long amounts). */
  wide?: boolean;
  /** The figure that matters most in a list, in the brand colour. */
  strong?: boolean;
}

/** Headline figures as tiles in a grid (`columns`: the grid's column classes per screen size). */
export function FigureTiles({ figures, columns, testId }: { figures: Figure[]; columns: string; testId?: string }) {
  return (
    <dl className={`grid gap-3 ${columns}`} data-testid={testId}>
      {figures.map((f) => (
        <div key={f.label} className={`rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4 ${f.wide ? "col-span-2" : ""}`}>
          <dt className="text-sm text-slate-600">{f.label}</dt>
          <dd className={`mt-1 text-lg font-bold break-words tabular-nums sm:text-xl ${f.strong ? "text-brand-800" : "text-slate-900"}`}>
            {f.value}
          </dd>
          {f.note ? <dd className="text-xs text-slate-500">{f.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

/** Figures as label–value lines, the values right-aligned (inside a card or a list item). */
export function FigureList({ figures }: { figures: Figure[] }) {
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
      {figures.map((f) => (
        <div key={f.label} className="contents">
          <dt className="text-slate-600">{f.label}</dt>
          <dd className={`text-right tabular-nums ${f.strong ? "font-semibold text-brand-800" : ""}`}>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
