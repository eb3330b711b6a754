import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RequestFilters } from "@/components/requests/request-filters";
import { RequestTable } from "@/components/requests/request-table";
import { TabLinks } from "@/components/requests/tab-links";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import type { RequestStatus } from "@/lib/enums";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { getT } from "@/lib/i18n/server";
import { listRequestsForActor } from "@/lib/requests/queries";
import { readListQuery } from "@/lib/requests/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("requests.cases.title") };
}

const ACTIVE: RequestStatus[] = ["accepted", "in_progress", "resolved"];
const HELD: RequestStatus[] = ["accepted", "in_progress", "resolved", "closed"];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The expert's cases: those assigned to them, the active ones first by default. */
export default async function CasesPage({ searchParams }: Props) {
  const [actor, { t, locale }, raw] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!can(actor.role, "request.resolve")) notFound();
  const showAll = raw.show === "all";
  const query = readListQuery(raw);
  const list = await listRequestsForActor(actor, { q: query.q, assignedOnly: true, status: showAll ? HELD : ACTIVE }, query);
  return (
    <div>
      <PageTitle subtitle={t("requests.cases.subtitle")}>{t("requests.cases.title")}</PageTitle>
      <Card>
        <TabLinks
          label={t("requests.cases.show")}
          tabs={[
            { href: "/cases", text: t("requests.cases.active"), current: !showAll },
            { href: "/cases?show=all", text: t("requests.cases.all"), current: showAll },
          ]}
        />
        <RequestFilters basePath="/cases" show={["q"]} values={{ q: query.q }} keep={{ show: showAll ? "all" : undefined }} t={t} />
        {list.items.length ? (
          <>
            <RequestTable items={list.items} t={t} locale={locale} showEnterprise showExpert={false} />
            <Pagination list={list} locale={locale} basePath="/cases" query={{ show: showAll ? "all" : undefined, q: query.q }} t={t} />
          </>
        ) : (
          <EmptyState>{query.q ? t("requests.list.emptyFiltered") : t("requests.cases.empty")}</EmptyState>
        )}
      </Card>
    </div>
  );
}
