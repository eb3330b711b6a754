import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RegionSelectOptions } from "@/components/roster/region-select-options";
import { StandingBadge } from "@/components/roster/standing-badge";
import { Button, LinkButton } from "@/components/ui/button";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { SearchField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select-field";
import { TableHead } from "@/components/ui/table-head";
import { expertStatuses } from "@/lib/enums";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { todayInShanghai } from "@/lib/clock";
import { formatCount, formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { ZONE_COUNTIES } from "@/lib/regions/zone";
import { districtOf } from "@/lib/roster/district";
import { listRoster, type RosterItem } from "@/lib/roster/queries/admin-roster";
import { referenceNames } from "@/lib/roster/reference-names";
import { rosterQuerySchema, type RosterQuery } from "@/lib/roster/schemas";
import { daysBetween } from "@/lib/roster/term";

export const dynamic = "force-dynamic";

const filterLabelClass = "block text-sm font-medium";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("roster.admin.roster.title") };
}

function readFilters(raw: Record<string, string | string[] | undefined>): RosterQuery {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (typeof value === "string") flat[key] = value;
  for (let attempt = 0; attempt < 6; attempt++) {
    const parsed = rosterQuerySchema.safeParse({ ...flat, pageSize: "25" });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) delete flat[String(issue.path[0])];
  }
  return rosterQuerySchema.parse({ pageSize: "25" });
}

function TermEnd({ item, t, locale, today }: { item: RosterItem; t: Translate; locale: Locale; today: string }) {
  if (!item.termEnd) return <span className="text-slate-500">{t("roster.admin.roster.noTerm")}</span>;
  return (
    <span
      className={item.expiringSoon ? "rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900" : ""}
      data-expiring={item.expiringSoon || undefined}
    >
      {formatDate(item.termEnd, locale)}
      {item.expiringSoon ? ` · ${t("roster.admin.roster.expiresIn", { days: daysBetween(today, item.termEnd) })}` : ""}
    </span>
  );
}

function Load({ item }: { item: RosterItem }) {
  const full = item.capacity > 0 && item.activeCases >= item.capacity;
  return <span className={`tabular-nums ${full ? "font-semibold text-red-700" : ""}`}>{`${item.activeCases} / ${item.capacity}`}</span>;
}

/** The zone's roster (every admin sees all of it): every expert, district, status, term end (expiring highlighted), load; filters and export. */
export default async function RosterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [actor, { t, locale }, raw] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!can(actor.role, "expert.readAny")) notFound();
  const filters = readFilters(raw);
  const [result, names] = await Promise.all([listRoster(actor, filters), referenceNames(locale)]);
  const today = todayInShanghai();
  const filterQuery = { q: filters.q, status: filters.status, specialty: filters.specialty, region: filters.region, district: filters.district };
  const districtName = (e: RosterItem) => names.regionName(districtOf(e.homeRegionCode));
  const exportQuery = new URLSearchParams(Object.entries(filterQuery).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return (
    <div>
      <PageTitle subtitle={t("roster.admin.roster.intro")}>{t("roster.admin.roster.title")}</PageTitle>
      <form
        method="get"
        action="/admin/experts"
        role="search"
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto] lg:items-end"
      >
        <SearchField
          id="q"
          name="q"
          label={t("roster.admin.roster.q")}
          defaultValue={filters.q ?? ""}
          placeholder={t("roster.admin.roster.qPlaceholder")}
          className="space-y-1 sm:col-span-2 lg:col-span-1"
        />
        <SelectField
          id="status"
          label={t("roster.admin.roster.status")}
          labelClassName={filterLabelClass}
          defaultValue={filters.status ?? ""}
          anyLabel={t("roster.admin.roster.any")}
          options={[
            ...expertStatuses.map((s) => ({ value: s, label: t(`roster.standing.${s}`) })),
            ...(["expired", "expiring"] as const).map((s) => ({ value: s, label: t(`roster.admin.roster.statusFilters.${s}`) })),
          ]}
        />
        <SelectField
          id="specialty"
          label={t("roster.directory.specialty")}
          labelClassName={filterLabelClass}
          defaultValue={filters.specialty ?? ""}
          anyLabel={t("roster.admin.roster.any")}
          options={names.specialties.map((s) => ({ value: s.code, label: s.name }))}
        />
        <SelectField
          id="region"
          label={t("roster.directory.region")}
          labelClassName={filterLabelClass}
          defaultValue={filters.region ?? ""}
          anyLabel={t("roster.admin.roster.any")}
        >
          <RegionSelectOptions regions={names.regions} />
        </SelectField>
        <SelectField
          id="district"
          label={t("roster.fields.district")}
          labelClassName={filterLabelClass}
          defaultValue={filters.district ?? ""}
          anyLabel={t("roster.admin.roster.any")}
          options={ZONE_COUNTIES.map((code) => ({ value: code, label: names.regionName(code) }))}
        />
        <div className="flex gap-2">
          <Button type="submit">{t("roster.admin.roster.filter")}</Button>
          <LinkButton href="/admin/experts" variant="secondary">
            {t("roster.admin.roster.reset")}
          </LinkButton>
        </div>
      </form>
      <Card
        title={t("roster.admin.roster.count", { count: formatCount(result.total, locale) })}
        action={
          <div className="flex flex-wrap gap-2">
            {can(actor.role, "expert.export") ? (
              <a
                href={`/api/v1/experts/export${exportQuery ? `?${exportQuery}` : ""}`}
                className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100"
                download
              >
                {t("roster.admin.roster.export")}
              </a>
            ) : null}
            {can(actor.role, "expert.import") ? (
              <LinkButton href="/admin/experts/import" variant="secondary">
                {t("roster.admin.roster.import")}
              </LinkButton>
            ) : null}
          </div>
        }
      >
        {result.items.length ? (
          <>
            <ul className="divide-y divide-slate-200 md:hidden">
              {result.items.map((e) => (
                <li key={e.id} className="py-3">
                  <Link href={`/admin/experts/${e.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {e.name}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {e.organization} · {districtName(e)}
                  </p>
                  <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700">
                    <StandingBadge standing={e.standing} t={t} />
                    <TermEnd item={e} t={t} locale={locale} today={today} />
                    <Load item={e} />
                  </div>
                </li>
              ))}
            </ul>
            <table className="hidden w-full text-left text-sm md:table">
              <TableHead
                columns={(["name", "organization", "district", "status", "termEnd", "load"] as const).map((c) =>
                  t(`roster.admin.roster.columns.${c}`),
                )}
              />
              <tbody className="divide-y divide-slate-100">
                {result.items.map((e) => (
                  <tr key={e.id}>
                    <td className="py-2 pr-3">
                      <Link href={`/admin/experts/${e.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                        {e.name}
                      </Link>
                    </td>
                    <td className="py-2 pr-3 text-slate-700">{e.organization}</td>
                    <td className="py-2 pr-3 whitespace-nowrap text-slate-700">{districtName(e)}</td>
                    <td className="py-2 pr-3">
                      <StandingBadge standing={e.standing} t={t} />
                    </td>
                    <td className="py-2 pr-3 whitespace-nowrap">
                      <TermEnd item={e} t={t} locale={locale} today={today} />
                    </td>
                    <td className="py-2">
                      <Load item={e} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <EmptyState>{t("roster.admin.roster.empty")}</EmptyState>
        )}
        <Pagination list={result} basePath="/admin/experts" query={filterQuery} t={t} />
      </Card>
    </div>
  );
}
