import { PanelHome } from "@/components/panels/panel-home";
import { RequestTable } from "@/components/requests/request-table";
import { PendingApplicationNotice } from "@/components/roster/pending-application-notice";
import { LinkButton } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import type { Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { listRequestsForActor } from "@/lib/requests/queries";
import { ACTIVE_CASE_STATUSES } from "@/lib/requests/state-machine";
import { getOwnExpertSummary } from "@/lib/roster/queries/experts";

/** The expert's load, pending offers and cases. */
export async function ExpertHome({ actor, t, locale }: { actor: Actor; t: Translate; locale: Locale }) {
  const [summary, cases] = await Promise.all([
    getOwnExpertSummary(actor),
    listRequestsForActor(actor, { assignedOnly: true, status: [...ACTIVE_CASE_STATUSES, "resolved"] }, { page: 1, pageSize: 10 }),
  ]);
  return (
    <div className="space-y-6">
      <PendingApplicationNotice actor={actor} t={t} />
      {summary ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="rounded-lg border border-amber-200 bg-amber-50 p-4">
            <p className="text-sm text-amber-900">{t("home.portal.expert.pendingOffers")}</p>
            <p className="text-2xl font-bold text-amber-900" data-testid="pending-offers">
              {summary.pendingOffers}
            </p>
            {summary.pendingOffers ? (
              <LinkButton href="/offers" variant="ghost" className="mt-1 -ml-4">
                {t("common.actions.viewAll")}
              </LinkButton>
            ) : null}
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-600">{t("home.portal.expert.load", { active: summary.activeCases, capacity: summary.capacity })}</p>
            <div className="mt-3 h-2 rounded bg-slate-100" aria-hidden>
              <div
                className="h-2 rounded bg-brand-600"
                style={{ width: `${Math.min(100, (summary.activeCases / Math.max(1, summary.capacity)) * 100)}%` }}
              />
            </div>
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-600">
              {summary.termEnd
                ? t("home.portal.expert.term", { date: formatDate(summary.termEnd, locale) })
                : t(`enums.expertStatus.${summary.status}`)}
            </p>
          </div>
        </div>
      ) : null}
      <Card title={`${t("home.portal.expert.title")} (${cases.total})`}>
        {cases.items.length ? (
          <RequestTable items={cases.items} t={t} locale={locale} showEnterprise />
        ) : (
          <EmptyState>{t("home.portal.expert.empty")}</EmptyState>
        )}
      </Card>
      <PanelHome actor={actor} t={t} locale={locale} />
    </div>
  );
}
