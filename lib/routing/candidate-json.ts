import type { Locale } from "@/lib/i18n/catalog";
import { translator } from "@/lib/i18n/translate";
import type { listCandidates } from "./candidates";
import { reasonText } from "./reasons";

/**
 * The API's candidate list: the ranked ones `{ expertId, score, reasons, excluded: false }` best
 * first, then the excluded ones with `why`, every reason in the caller's language.
 */
export function candidatesToJson(result: Awaited<ReturnType<typeof listCandidates>>, locale: Locale) {
  const t = translator(locale);
  const ranked = result.ranked.map((c) => ({
    expertId: c.expertId,
    name: c.name,
    rank: c.rank,
    score: c.score,
    reasons: c.reasons.map((r) => reasonText(t, locale, r)),
    parts: c.parts.map((p) => ({ name: p.name, value: Math.round(p.value * 1000) / 1000, weight: p.weight, points: Math.round(p.points * 10) / 10 })),
    excluded: false as const,
  }));
  const excluded = result.excluded.map((c) => {
    const why = reasonText(t, locale, c.why);
    return { expertId: c.expertId, name: c.name, excluded: true as const, code: c.why.code, why, reasons: [why] };
  });
  return [...ranked, ...excluded];
}
