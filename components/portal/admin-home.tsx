import Link from "next/link";
import { RequestTable } from "@/components/requests/request-table";
import { Card } from "@/components/ui/card";
import type { Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { formatCount } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { countFailedJobs } from "@/lib/jobs/failed-jobs";
import { listRequestsForActor } from "@/lib/requests/queries";
import { getAdminOverview } from "@/lib/reports/admin-overview";
import { listOpenBreaches } from "@/lib/reports/breaches";
import { formatDecimal, formatTimestamp } from "@/lib/i18n/format";

/** The law society's working counts and the latest requests. */
export async function AdminHome({ actor, t, locale }: { actor: Actor; t: Translate; locale: Locale }) {
  const [overview, latest, failedJobs, breaches] = await Promise.all([
    getAdminOverview(actor),
    listRequestsForActor(actor, {}, { page: 1, pageSize: 8 }),
    countFailedJobs(),
    listOpenBreaches(actor, 10),
  ]);
  const tiles = [
    { label: t("home.portal.admin.awaitingTriage"), value: overview.awaitingTriage, href: "/admin/triage", testId: "awaiting-triage" },
    { label: t("home.portal.admin.needsAttention"), value: overview.needsAttention, href: "/admin/requests?attention=1", testId: "needs-attention" },
    { label: t("home.portal.admin.pendingOffers"), value: overview.pendingOffers, href: "/admin/requests?status=offered", testId: "pending-offers" },
    { label: t("home.portal.admin.activeCases"), value: overview.activeCases, href: "/admin/requests?status=in_progress", testId: "active-cases" },
    {
      label: t("home.portal.admin.pendingApplications"),
      value: overview.pendingApplications,
      href: "/admin/applications",
      testId: "pending-applications",
    },
    { label: t("home.portal.admin.expiringSoon"), value: overview.expiringSoon, href: "/admin/experts?expiring=1", testId: "expiring-soon" },
  ];
  return (
    <div className="space-y-6">
      {/* Missed deadlines whose step is still not done, oldest first: what to chase before anything else. */}
      {breaches.total ? (
        <Card title={t("home.portal.admin.openBreaches")}>
          <ul className="divide-y divide-slate-100 text-sm" data-testid="open-breaches">
            {breaches.items.map((b, i) => (
              <li key={`${b.requestId}-${b.kind}-${i}`} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                <span>
                  <Link href={`/requests/${b.requestId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {b.caseNumber}
                  </Link>{" "}
                  <span className="text-slate-700">· {t(`enums.deadlineKind.${b.kind}`)}</span>
                  {b.expertName ? <span className="text-slate-600"> · {b.expertName}</span> : null}
                </span>
                <span className="text-red-700 tabular-nums">
                  {formatTimestamp(b.dueAt).slice(0, 16)} · {t("home.portal.admin.lateBy", { hours: formatDecimal(b.lateHours, locale) })}
                </span>
              </li>
            ))}
          </ul>
          {breaches.total > breaches.items.length ? (
            <p className="mt-3 text-sm">
              <Link href="/admin/reports#service-levels" className="text-brand-700 underline-offset-2 hover:underline">
                {t("home.portal.admin.openBreachesMore", { n: formatCount(breaches.total, locale) })}
              </Link>
            </p>
          ) : null}
        </Card>
      ) : null}
      <h2 className="sr-only">{t("home.portal.admin.title")}</h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
        {tiles.map((tile) => (
          <Link key={tile.testId} href={tile.href} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
            <p className="text-sm text-slate-600">{tile.label}</p>
            <p className="mt-1 text-2xl font-bold text-brand-800" data-testid={tile.testId}>
              {formatCount(tile.value, locale)}
            </p>
          </Link>
        ))}
      </div>
      {/* Mail and deadlines that ran out of retries: someone should look at the server log. */}
      <p
        className={`text-sm ${failedJobs.total ? "font-medium text-red-700" : "text-slate-600"}`}
        title={Object.entries(failedJobs.byQueue)
          .map(([queue, n]) => `${queue}: ${n}`)
          .join("\n")}
      >
        {t("home.portal.admin.failedJobs")} <span data-testid="failed-jobs">{formatCount(failedJobs.total, locale)}</span>
      </p>
      <Card title={t("home.portal.admin.recent")}>
        <RequestTable items={latest.items} t={t} locale={locale} showEnterprise />
      </Card>
    </div>
  );
}
