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

/** The law society's working counts and the latest requests. */
export async function AdminHome({ actor, t, locale }: { actor: Actor; t: Translate; locale: Locale }) {
  const [overview, latest, failedJobs] = await Promise.all([
    getAdminOverview(actor),
    listRequestsForActor(actor, {}, { page: 1, pageSize: 8 }),
    countFailedJobs(),
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
