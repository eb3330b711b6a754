import Link from "next/link";
import { Badge } from "@/components/ui/card";
import type { Locale } from "@/lib/i18n/catalog";
import type { Translate } from "@/lib/i18n/translate";
import type { listCandidates } from "@/lib/routing/candidates";
import { reasonText } from "@/lib/routing/reasons";
import { CANDIDATES_SHOWN } from "@/lib/routing/schemas";
import { ConfirmAction } from "./confirm-action";
import type { RoutingActions } from "./types";

const SHOWN = 8;
const partColors: Record<string, string> = {
  specialty: "bg-brand-700",
  region: "bg-emerald-600",
  load: "bg-amber-500",
  languageMode: "bg-sky-500",
  trackRecord: "bg-violet-500",
  rotation: "bg-rose-400",
};

type Result = Awaited<ReturnType<typeof listCandidates>>;

/** Ranked candidates with score, breakdown and reasons; then the excluded with why. */
export function CandidateList({
  requestId,
  result,
  canPin,
  t,
  locale,
  actions,
}: {
  requestId: string;
  result: Result;
  canPin: boolean;
  t: Translate;
  locale: Locale;
  actions: Pick<RoutingActions, "routeRequest" | "skipExpert">;
}) {
  const item = (c: Result["ranked"][number]) => (
    <li key={c.expertId} className="py-3" data-testid="candidate">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">
            <span className="mr-2 text-slate-500">#{c.rank}</span>
            <Link href={`/experts/${c.expertId}`} className="text-brand-700 underline-offset-2 hover:underline">
              {c.name}
            </Link>
          </p>
          <div className="mt-2 flex h-2 w-48 max-w-full overflow-hidden rounded bg-slate-100" aria-hidden>
            {c.parts.map((p) => (
              <span key={p.name} className={partColors[p.name]} style={{ width: `${p.points}%` }} />
            ))}
          </div>
        </div>
        <Badge tone="info">
          {t("routing.panel.score")} {c.score}
        </Badge>
      </div>
      <ul className="mt-2 flex flex-wrap gap-1.5 text-xs text-slate-700">
        {c.reasons.map((r) => (
          <li key={r.code} className="rounded bg-slate-100 px-2 py-0.5">
            {reasonText(t, locale, r)}
          </li>
        ))}
      </ul>
      <details className="mt-2 text-xs text-slate-600">
        <summary className="cursor-pointer text-brand-700">{t("routing.panel.breakdown")}</summary>
        <dl className="mt-1 grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5 sm:w-96">
          {c.parts.map((p) => (
            <div key={p.name} className="contents">
              <dt>
                <span className={`mr-1 inline-block h-2 w-2 rounded-full ${partColors[p.name]}`} />
                {t(`routing.parts.${p.name}`)} · {Math.round(p.value * 100)}% × {p.weight}
              </dt>
              <dd className="text-right tabular-nums">{t("routing.panel.points", { points: p.points.toFixed(1) })}</dd>
            </div>
          ))}
        </dl>
      </details>
      <div className="mt-2 flex flex-wrap gap-2">
        {canPin ? (
          <ConfirmAction action={actions.routeRequest} input={{ requestId, expertId: c.expertId }} label={t("routing.panel.pin")} size="small" />
        ) : null}
        <ConfirmAction
          action={actions.skipExpert}
          input={{ requestId, expertId: c.expertId }}
          label={t("routing.panel.skip")}
          size="small"
          variant="ghost"
          title={t("routing.panel.skipTitle", { expert: c.name ?? "" })}
        />
      </div>
    </li>
  );

  return (
    <div className="space-y-4">
      <section>
        <h3 className="font-semibold text-slate-900">{t("routing.panel.ranked", { count: result.rankedCount })}</h3>
        {result.ranked.length ? (
          <>
            <ol className="divide-y divide-slate-100">{result.ranked.slice(0, SHOWN).map(item)}</ol>
            {result.ranked.length > SHOWN ? (
              <details>
                <summary className="cursor-pointer py-2 text-sm text-brand-700">{t("common.actions.viewAll")}</summary>
                <ol className="divide-y divide-slate-100">{result.ranked.slice(SHOWN).map(item)}</ol>
              </details>
            ) : null}
          </>
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t("routing.panel.noRanked")}</p>
        )}
      </section>
      {/* beyond `shown`, the ranking was not read: a link asks for the next page of both lists */}
      {result.rankedCount > result.ranked.length || result.excludedCount > result.excluded.length ? (
        <Link
          href={`?candidates=${result.ranked.length + CANDIDATES_SHOWN}#routing`}
          scroll={false}
          className="text-sm text-brand-700 underline-offset-2 hover:underline"
        >
          {t("routing.panel.moreCandidates")}
        </Link>
      ) : null}
      <details className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer font-semibold text-slate-900">{t("routing.panel.excluded", { count: result.excludedCount })}</summary>
        {result.excluded.length ? (
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {result.excluded.map((e) => (
              <li key={e.expertId} className="flex flex-wrap justify-between gap-2 py-1.5" data-testid="excluded-candidate">
                <span className="text-slate-900">{e.name}</span>
                <span className="text-slate-600">{reasonText(t, locale, e.why)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t("routing.panel.noExcluded")}</p>
        )}
      </details>
    </div>
  );
}
