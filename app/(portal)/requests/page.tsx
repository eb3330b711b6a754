import type { Metadata } from "next";
import { RequestFilters } from "@/components/requests/request-filters";
import { RequestTable } from "@/components/requests/request-table";
import { LinkButton } from "@/components/ui/button";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { getT } from "@/lib/i18n/server";
import { listRequestsForActor } from "@/lib/requests/queries";
import { readListQuery } from "@/lib/requests/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("requests.list.titleEnterprise") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The actor's requests: a company's own, a station's filings (anyone else: what they may see). */
export default async function RequestsPage({ searchParams }: Props) {
  const [actor, { t, locale }, raw] = await Promise.all([requireActor(), getT(), searchParams]);
  const query = readListQuery(raw);
  const list = await listRequestsForActor(actor, { q: query.q, status: query.status, category: query.category }, query);
  const isStation = actor.stationId !== null;
  const title = isStation ? t("requests.list.titleStation") : actor.enterpriseId ? t("requests.list.titleEnterprise") : t("requests.list.titleOther");
  const subtitle = isStation ? t("requests.list.subtitleStation") : actor.enterpriseId ? t("requests.list.subtitleEnterprise") : undefined;
  const filtered = Boolean(query.q || query.status || query.category);
  const cta = can(actor.role, "request.create") ? (
    <LinkButton href="/requests/new">{isStation ? t("requests.list.ctaStation") : t("requests.list.cta")}</LinkButton>
  ) : null;
  const values = { q: query.q, status: query.status, category: query.category };
  return (
    <div>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageTitle subtitle={subtitle}>{title}</PageTitle>
        {cta}
      </div>
      <Card>
        <RequestFilters basePath="/requests" show={["q", "status", "category"]} values={values} t={t} />
        {list.items.length ? (
          <>
            <RequestTable items={list.items} t={t} locale={locale} showEnterprise={isStation || !actor.enterpriseId} />
            <Pagination list={list} locale={locale} basePath="/requests" query={values} t={t} />
          </>
        ) : (
          <EmptyState action={filtered ? undefined : cta}>{filtered ? t("requests.list.emptyFiltered") : t("requests.list.empty")}</EmptyState>
        )}
      </Card>
    </div>
  );
}
