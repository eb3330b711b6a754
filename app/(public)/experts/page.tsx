import type { Metadata } from "next";
import Link from "next/link";
import { DirectoryFilters } from "@/components/experts/directory-filters";
import { ExpertCards } from "@/components/experts/expert-card";
import { LinkButton } from "@/components/ui/button";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { serviceModes } from "@/lib/enums";
import { formatCount } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { directoryPage } from "@/lib/public-cache/reads";
import { languageCodes } from "@/lib/roster/languages";
import { referenceNames } from "@/lib/roster/reference-names";
import { directoryPageSize, directoryQuerySchema, directorySorts, type DirectoryQuery } from "@/lib/roster/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("roster.directory.title"), description: t("roster.directory.metaDescription"), alternates: { canonical: "/experts" } };
}

/** The query string as filters; a value that makes no sense is dropped rather than failing the page. */
function readFilters(raw: Record<string, string | string[] | undefined>): DirectoryQuery {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (typeof value === "string") flat[key] = value;
  for (let attempt = 0; attempt < 8; attempt++) {
    const parsed = directoryQuerySchema.safeParse(flat);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) delete flat[String(issue.path[0])];
  }
  return directoryQuerySchema.parse({});
}

export default async function ExpertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readFilters(await searchParams);
  const { t, locale } = await getT();
  const [result, names] = await Promise.all([directoryPage({ ...filters, pageSize: directoryPageSize }), referenceNames(locale)]);
  const regionLabel = (code: string) => names.regions.find((r) => r.code === code)?.label ?? code;
  const filtered = Boolean(filters.q || filters.specialty || filters.region || filters.language || filters.mode);
  return (
    <div>
      <PageTitle subtitle={t("roster.directory.intro")}>{t("roster.directory.title")}</PageTitle>
      <p className="-mt-4 mb-6">
        <Link href="/experts/commended" className="text-sm text-brand-700 underline">
          {t("appraisals.commended.link")}
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <DirectoryFilters
          q={filters.q ?? ""}
          specialty={{
            label: t("roster.directory.specialty"),
            anyLabel: t("roster.directory.any"),
            options: names.specialties.map((s) => ({ value: s.code, label: s.name })),
            value: filters.specialty ?? "",
          }}
          region={filters.region ? { code: filters.region, label: regionLabel(filters.region) } : undefined}
          language={{
            label: t("roster.directory.language"),
            anyLabel: t("roster.directory.any"),
            options: languageCodes.map((code) => ({ value: code, label: t(`enums.language.${code}`) })),
            value: filters.language ?? "",
          }}
          mode={{
            label: t("roster.directory.mode"),
            anyLabel: t("roster.directory.any"),
            options: serviceModes.map((mode) => ({ value: mode, label: t(`enums.serviceMode.${mode}`) })),
            value: filters.mode ?? "",
          }}
          sort={{
            label: t("roster.directory.sort"),
            options: directorySorts.map((sort) => ({ value: sort, label: t(`roster.directory.sorts.${sort}`) })),
            value: filters.sort,
          }}
          locale={locale}
          text={{
            q: t("roster.directory.q"),
            qPlaceholder: t("roster.directory.qPlaceholder"),
            filters: t("roster.directory.filters"),
            submit: t("roster.directory.submit"),
            reset: t("roster.directory.reset"),
            region: {
              label: t("roster.directory.region"),
              search: t("roster.picker.search"),
              codeField: t("roster.directory.regionCode"),
              clear: t("roster.picker.remove", { name: "{name}" }),
            },
          }}
          filtered={filtered}
        />

        <section aria-labelledby="results">
          <h2 id="results" className="mb-3 text-sm text-slate-600" aria-live="polite">
            {t("roster.directory.count", { count: formatCount(result.total, locale) })}
          </h2>
          {result.items.length ? (
            <ExpertCards experts={result.items} names={names} t={t} locale={locale} />
          ) : (
            <EmptyState
              action={
                filtered ? (
                  <LinkButton href="/experts" variant="secondary">
                    {t("roster.directory.reset")}
                  </LinkButton>
                ) : undefined
              }
            >
              {t("roster.directory.empty")} {filtered ? t("roster.directory.emptyHint") : null}
            </EmptyState>
          )}
          <Pagination
            list={result}
            basePath="/experts"
            query={{
              q: filters.q,
              specialty: filters.specialty,
              region: filters.region,
              language: filters.language,
              mode: filters.mode,
              sort: filters.sort === "relevance" ? undefined : filters.sort,
            }}
            t={t}
          />
          <p className="mt-6 text-sm">
            <Link href="/apply" className="text-brand-700 underline">
              {t("roster.directory.apply")}
            </Link>
          </p>
        </section>
      </div>
    </div>
  );
}
