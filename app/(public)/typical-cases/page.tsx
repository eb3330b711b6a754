import type { Metadata } from "next";
import { TypicalCaseCard } from "@/components/typical-cases/public-card";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { getT } from "@/lib/i18n/server";
import { cachedTypicalCases } from "@/lib/public-cache/reads";
import { typicalCaseListQuery } from "@/lib/typical-cases/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("typicalCases.public.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Public: the published typical cases (anonymised), the newest first, with their figures from the ledger. */
export default async function TypicalCasesPage({ searchParams }: Props) {
  const [{ t, locale }, raw] = await Promise.all([getT(), searchParams]);
  const parsed = typicalCaseListQuery.safeParse({ page: typeof raw.page === "string" ? raw.page : undefined });
  const list = await cachedTypicalCases(parsed.success ? parsed.data : { page: 1, pageSize: 20 });
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t("typicalCases.public.subtitle")}>{t("typicalCases.public.title")}</PageTitle>
      {list.items.length ? (
        <>
          <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
            {list.items.map((item) => (
              <li key={item.id}>
                <TypicalCaseCard item={item} t={t} locale={locale} heading="h2" />
              </li>
            ))}
          </ul>
          <Pagination list={list} basePath="/typical-cases" t={t} />
        </>
      ) : (
        <EmptyState>{t("typicalCases.public.empty")}</EmptyState>
      )}
    </div>
  );
}
