import Link from "next/link";
import { RequestTable } from "@/components/requests/request-table";
import { Card } from "@/components/ui/card";
import type { Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { formatCount } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { listRequestsForActor } from "@/lib/requests/queries";
import { getAdminOverview } from "@/lib/reports/admin-overview";

/** The law society's working counts and the latest requests. */
export async function AdminHome({ actor, t, locale }: { actor: Actor; t: Translate; locale: Locale }) {
  const [overview, latest] = await Promise.all([getAdminOverview(actor), listRequestsForActor(actor, {}, { page: 1, pageSize: 8 })]);
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
      <Card title={t("home.portal.admin.recent")}>
        <RequestTable items={latest.items} t={t} locale={locale} showEnterprise />
      </Card>
    </div>
  );
}
