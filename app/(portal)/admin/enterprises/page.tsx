import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button, LinkButton } from "@/components/ui/button";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { SearchField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { TableHead } from "@/components/ui/table-head";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { listEnterprises } from "@/lib/companies/queries";
import { enterpriseListQuery, type EnterpriseListQuery } from "@/lib/companies/schemas";
import { formatCount, formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { StateBadge } from "./state-badge";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("companies.admin.title") };
}

function readQuery(raw: Record<string, string | string[] | undefined>): EnterpriseListQuery {
  const parsed = enterpriseListQuery.safeParse({
    q: typeof raw.q === "string" ? raw.q : undefined,
    page: typeof raw.page === "string" ? raw.page : undefined,
    pageSize: "25",
  });
  return parsed.success ? parsed.data : enterpriseListQuery.parse({ pageSize: "25" });
}

/** Every company with an account, those waiting for verification first; a search over names and credit codes. */
export default async function EnterprisesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [actor, { t, locale }, raw] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!can(actor.role, "enterprise.readAny")) notFound();
  const query = readQuery(raw);
  const result = await listEnterprises(actor, query);
  return (
    <div>
      <PageTitle subtitle={t("companies.admin.intro")}>{t("companies.admin.title")}</PageTitle>
      <form
        method="get"
        action="/admin/enterprises"
        role="search"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <SearchField
          id="q"
          label={t("companies.admin.search")}
          name="q"
          defaultValue={query.q ?? ""}
          placeholder={t("companies.admin.searchPlaceholder")}
          className="min-w-64 flex-1 space-y-1"
        />
        <Button type="submit">{t("companies.admin.searchSubmit")}</Button>
        {query.q ? (
          <LinkButton href="/admin/enterprises" variant="secondary">
            {t("companies.admin.reset")}
          </LinkButton>
        ) : null}
      </form>
      <Card>
        {result.items.length === 0 ? (
          <EmptyState>{t("companies.admin.empty")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <TableHead
                columns={[
                  t("companies.admin.columns.name"),
                  t("companies.admin.columns.creditCode"),
                  t("companies.admin.columns.state"),
                  t("companies.admin.columns.members"),
                  t("companies.admin.columns.requests"),
                  t("companies.admin.columns.registered"),
                ]}
              />
              <tbody className="divide-y divide-slate-100">
                {result.items.map((item) => (
                  <tr key={item.id}>
                    <td className="py-2 pr-3">
                      <Link href={`/admin/enterprises/${item.id}`} className="font-medium text-brand-700 hover:underline">
                        {item.name}
                      </Link>
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs">
                      {item.creditCode ?? item.claimedCreditCode ?? ""}
                      {!item.creditCode && item.claimedCreditCode ? (
                        <span className="ml-1 font-sans text-slate-500">{t("companies.admin.claimed")}</span>
                      ) : null}
                    </td>
                    <td className="py-2 pr-3">
                      <StateBadge state={item.state} t={t} />
                    </td>
                    <td className="py-2 pr-3 tabular-nums">{formatCount(item.members, locale)}</td>
                    <td className="py-2 pr-3 tabular-nums">{formatCount(item.requests, locale)}</td>
                    <td className="py-2">{formatDate(item.createdAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination list={result} locale={locale} basePath="/admin/enterprises" query={{ q: query.q }} t={t} />
      </Card>
    </div>
  );
}
