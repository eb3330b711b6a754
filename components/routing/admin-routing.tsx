import type { Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { listCandidates, RANKABLE_STATUSES } from "@/lib/routing/candidates";
import { listOffersForRequest, routingStateOf } from "@/lib/routing/queries";
import { CandidateList } from "./candidate-list";
import { ConfirmAction } from "./confirm-action";
import { OfferHistory } from "./offer-history";
import type { RoutingActions } from "./types";

/** The admin's view and controls of one request's routing. */
export async function AdminRouting({
  requestId,
  actor,
  t,
  locale,
  actions,
  shown,
}: {
  requestId: string;
  actor: Actor;
  t: Translate;
  locale: Locale;
  actions: RoutingActions;
  shown: number;
}) {
  const state = await routingStateOf(actor, requestId);
  const rankable = (RANKABLE_STATUSES as readonly string[]).includes(state.status);
  const [history, candidates] = await Promise.all([
    listOffersForRequest(actor, requestId),
    rankable ? listCandidates(actor, requestId, { limit: shown }) : null,
  ]);
  // several at once when an urgent request went to first responders (parallelOffers)
  const pending = history.filter((o) => o.status === "pending");
  const holder = state.assignedExpertId ? history.find((o) => o.status === "accepted" && o.expertId === state.assignedExpertId) : undefined;
  const canRoute = (state.status === "triaged" || state.status === "offered") && !pending.length;
  const nextChoices = [
    { value: "", label: t("routing.panel.reassignToAuto") },
    ...(candidates?.ranked ?? []).map((c) => ({ value: c.expertId, label: `${c.rank}. ${c.name ?? ""} · ${c.score}` })),
  ];

  return (
    <div className="space-y-6">
      {state.needsAttention ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900" data-testid="needs-attention">
          {t("routing.panel.needsAttention")}
        </p>
      ) : null}
      {pending.map((pending) => (
        <div
          key={pending.id}
          className="flex flex-col gap-3 rounded-md border border-brand-200 bg-brand-50 p-3 sm:flex-row sm:items-start sm:justify-between"
        >
          <p className="text-sm text-brand-900">
            {t("routing.panel.pendingOffer", { expert: pending.expertName, deadline: formatDateTime(pending.expiresAt, locale) })}
          </p>
          <ConfirmAction
            action={actions.withdrawOffer}
            input={{ offerId: pending.id }}
            label={t("routing.panel.withdraw")}
            variant="danger"
            title={t("routing.panel.withdrawTitle", { expert: pending.expertName })}
            hint={t("routing.panel.withdrawHint")}
          />
        </div>
      ))}
      {holder && (state.status === "accepted" || state.status === "in_progress") ? (
        <div className="flex flex-col gap-3 rounded-md border border-slate-200 p-3 sm:flex-row sm:items-start sm:justify-between">
          <p className="text-sm text-slate-800">{t("routing.panel.currentExpert", { expert: holder.expertName })}</p>
          <ConfirmAction
            action={actions.reassignCase}
            input={{ requestId }}
            label={t("routing.panel.reassign")}
            variant="danger"
            title={t("routing.panel.reassignTitle", { expert: holder.expertName })}
            hint={t("routing.panel.reassignHint")}
            choices={nextChoices}
            choiceLabel={t("routing.panel.reassignTo")}
          />
        </div>
      ) : null}
      {canRoute && candidates?.ranked.length ? (
        <div className="space-y-1">
          <ConfirmAction action={actions.routeRequest} input={{ requestId }} label={t("routing.panel.routeAuto")} variant="primary" />
          <p className="text-xs text-slate-500">{t("routing.panel.routeAutoHint")}</p>
        </div>
      ) : null}
      {candidates && holder ? (
        // a case in hand: the candidates matter only for a reassignment, so they stay folded
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer font-semibold text-slate-900">{t("routing.panel.ranked", { count: candidates.rankedCount })}</summary>
          <div className="mt-3">
            <CandidateList requestId={requestId} result={candidates} canPin={false} t={t} locale={locale} actions={actions} />
          </div>
        </details>
      ) : candidates ? (
        <CandidateList requestId={requestId} result={candidates} canPin={canRoute} t={t} locale={locale} actions={actions} />
      ) : null}
      <OfferHistory offers={history} t={t} locale={locale} />
    </div>
  );
}
