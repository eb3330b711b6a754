import type { Metadata } from "next";
import Link from "next/link";
import { RegionFilter } from "@/components/experts/region-filter";
import { ExpertCard } from "@/components/experts/expert-card";
import { Button, LinkButton } from "@/components/ui/button";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select-field";
import { serviceModes } from "@/lib/enums";
import { formatCount } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { directoryPage } from "@/lib/public-cache/reads";
import { languageCodes } from "@/lib/roster/languages";
import { referenceNames } from "@/lib/roster/reference-names";
import { directoryQuerySchema, directorySorts, type DirectoryQuery } from "@/lib/roster/schemas";

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
  const [result, names] = await Promise.all([directoryPage({ ...filters, pageSize: 12 }), referenceNames(locale)]);
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
        <form method="get" action="/experts" role="search" className="space-y-4 self-start rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <div className="space-y-1">
            <label htmlFor="q" className="block text-sm font-medium text-slate-800">
              {t("roster.directory.q")}
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={filters.q ?? ""}
              placeholder={t("roster.directory.qPlaceholder")}
              className={inputClass}
              maxLength={100}
            />
          </div>
          <fieldset className="grid grid-cols-2 gap-3 lg:grid-cols-1 lg:gap-4">
            <legend className="sr-only">{t("roster.directory.filters")}</legend>
            <SelectField
              id="specialty"
              label={t("roster.directory.specialty")}
              defaultValue={filters.specialty ?? ""}
              anyLabel={t("roster.directory.any")}
              options={names.specialties.map((s) => ({ value: s.code, label: s.name }))}
            />
            <RegionFilter
              id="region"
              locale={locale}
              selected={filters.region ? { code: filters.region, label: regionLabel(filters.region) } : undefined}
              text={{
                label: t("roster.directory.region"),
                search: t("roster.picker.search"),
                codeField: t("roster.directory.regionCode"),
                clear: t("roster.picker.remove", { name: "{name}" }),
              }}
            />
            <SelectField
              id="language"
              label={t("roster.directory.language")}
              defaultValue={filters.language ?? ""}
              anyLabel={t("roster.directory.any")}
              options={languageCodes.map((code) => ({ value: code, label: t(`enums.language.${code}`) }))}
            />
            <SelectField
              id="mode"
              label={t("roster.directory.mode")}
              defaultValue={filters.mode ?? ""}
              anyLabel={t("roster.directory.any")}
              options={serviceModes.map((mode) => ({ value: mode, label: t(`enums.serviceMode.${mode}`) }))}
            />
            <SelectField
              id="sort"
              label={t("roster.directory.sort")}
              defaultValue={filters.sort}
              options={directorySorts.map((sort) => ({ value: sort, label: t(`roster.directory.sorts.${sort}`) }))}
            />
          </fieldset>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" className="flex-1">
              {t("roster.directory.submit")}
            </Button>
            {filtered ? (
              <LinkButton href="/experts" variant="secondary">
                {t("roster.directory.reset")}
              </LinkButton>
            ) : null}
          </div>
        </form>

        <section aria-labelledby="results">
          <h2 id="results" className="mb-3 text-sm text-slate-600" aria-live="polite">
            {t("roster.directory.count", { count: formatCount(result.total, locale) })}
          </h2>
          {result.items.length ? (
            <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
              {result.items.map((expert) => (
                <ExpertCard key={expert.id} expert={expert} names={names} t={t} locale={locale} />
              ))}
            </ul>
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
            page={result.page}
            pageSize={result.pageSize}
            total={result.total}
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
