import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RequestFilters } from "@/components/requests/request-filters";
import { RequestTable } from "@/components/requests/request-table";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { getT } from "@/lib/i18n/server";
import { listRequestsForActor } from "@/lib/requests/queries";
import { zoneRegionGroups } from "@/lib/regions/zone-groups";
import { listFilterOf, readListQuery } from "@/lib/requests/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("requests.admin.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every request within the admin's region scope, filtered by status, category, region, channel, urgency, date and attention. */
export default async function AdminRequestsPage({ searchParams }: Props) {
  const [actor, { t, locale }, raw] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!can(actor.role, "request.triage")) notFound();
  const query = readListQuery(raw);
  const [list, regionGroups] = await Promise.all([listRequestsForActor(actor, listFilterOf(query), query), zoneRegionGroups(locale)]);
  const values = {
    q: query.q,
    status: query.status,
    category: query.category,
    region: query.region,
    channel: query.channel,
    urgency: query.urgency,
    from: query.from,
    to: query.to,
    attention: query.attention ? "1" : undefined,
  };
  return (
    <div>
      <PageTitle subtitle={t("requests.admin.subtitle")}>{t("requests.admin.title")}</PageTitle>
      <Card>
        <RequestFilters
          basePath="/admin/requests"
          show={["q", "status", "category", "region", "channel", "urgency", "dates", "attention"]}
          values={values}
          regionGroups={regionGroups}
          t={t}
        />
        {list.items.length ? (
          <>
            <RequestTable items={list.items} t={t} locale={locale} showEnterprise showRegion />
            <Pagination list={list} locale={locale} basePath="/admin/requests" query={values} t={t} />
          </>
        ) : (
          <EmptyState>{t("requests.list.emptyFiltered")}</EmptyState>
        )}
      </Card>
    </div>
  );
}
