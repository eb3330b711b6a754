import type { Scorecard } from "@/lib/appraisals/scorecard";
import { scorecardFigures } from "@/lib/appraisals/scorecard";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDecimal } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { formatFen } from "@/lib/money";

/** A scorecard's figures as a definition list (the expert's own page). */
export function ScorecardFacts({ card, t, locale }: { card: Scorecard; t: Translate; locale: Locale }) {
  const value = (key: (typeof scorecardFigures)[number]) => {
    const v = card[key];
    if (v === null) return "—";
    if (key === "recoveredFen") return formatFen(card.recoveredFen);
    return Number.isInteger(v) ? String(v) : formatDecimal(v, locale, key.startsWith("average") ? 2 : 1);
  };
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {scorecardFigures.map((key) => (
        <div key={key} className="flex justify-between gap-3 border-b border-slate-100 py-1">
          <dt className="text-slate-600">{t(`appraisals.figures.${key}`)}</dt>
          <dd className="font-medium tabular-nums">{value(key)}</dd>
        </div>
      ))}
    </dl>
  );
}
