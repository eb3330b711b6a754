import type { Translate } from "@/lib/i18n/translate";
import type { RequestDetail } from "@/lib/requests/queries";

/** What the filer said (the description and the other parties), then how it ended: the outcome and the rating. */
export function RequestStory({ request: r, t }: { request: RequestDetail; t: Translate }) {
  return (
    <div className="space-y-5">
      <section>
        <h3 className="text-sm font-semibold text-slate-900">{t("requests.detail.description")}</h3>
        <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-800">{r.description}</p>
      </section>
      <section>
        <h3 className="text-sm font-semibold text-slate-900">
          {t("requests.detail.counterparties")} ({r.counterparties.length})
        </h3>
        {r.counterparties.length ? (
          <ul className="mt-1 divide-y divide-slate-100 text-sm">
            {r.counterparties.map((c, i) => (
              <li key={`${c.name}-${i}`} className="flex flex-wrap justify-between gap-2 py-1.5">
                <span className="break-words">{c.name}</span>
                {c.creditCode ? <span className="font-mono text-xs text-slate-500">{c.creditCode}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{t("requests.detail.noCounterparties")}</p>
        )}
      </section>
      {r.resolutionSummary ? (
        <section>
          <h3 className="text-sm font-semibold text-slate-900">{t("requests.detail.resolution")}</h3>
          <p className="mt-1 text-sm whitespace-pre-wrap text-slate-800">{r.resolutionSummary}</p>
        </section>
      ) : null}
      {r.rating ? (
        <section>
          <h3 className="text-sm font-semibold text-slate-900">{t("requests.detail.rating")}</h3>
          <p className="mt-1 text-sm text-slate-800">
            <span className="text-accent-500" aria-hidden>
              {"★".repeat(r.rating)}
            </span>{" "}
            {t("requests.detail.ratingValue", { rating: r.rating })}
            {r.ratingComment ? <span className="block whitespace-pre-wrap">{r.ratingComment}</span> : null}
          </p>
        </section>
      ) : null}
    </div>
  );
}
