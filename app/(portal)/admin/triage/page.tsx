import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RequestFilters } from "@/components/requests/request-filters";
import { RequestTable } from "@/components/requests/request-table";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { formatTotal } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { listRequestsForActor } from "@/lib/requests/queries";
import { readListQuery } from "@/lib/requests/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("requests.triage.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The admin's queue of new requests, urgent first, then the longest waiting. Each opens to accept, return or reject. */
export default async function TriagePage({ searchParams }: Props) {
  const [actor, { t, locale }, raw] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!can(actor.role, "request.triage")) notFound();
  const query = readListQuery(raw);
  const list = await listRequestsForActor(actor, { q: query.q, status: "submitted", order: "triage" }, query);
  return (
    <div>
      <PageTitle subtitle={t("requests.triage.subtitle")}>{t("requests.triage.title")}</PageTitle>
      <Card title={t("requests.triage.count", { n: formatTotal(list, locale) })}>
        <RequestFilters basePath="/admin/triage" show={["q"]} values={{ q: query.q }} t={t} />
        {list.items.length ? (
          <>
            <RequestTable items={list.items} t={t} locale={locale} showEnterprise showRegion showWaiting now={list.asOf.getTime()} />
            <Pagination list={list} locale={locale} basePath="/admin/triage" query={{ q: query.q }} t={t} />
          </>
        ) : (
          <EmptyState>{query.q ? t("requests.list.emptyFiltered") : t("requests.triage.empty")}</EmptyState>
        )}
      </Card>
    </div>
  );
}
