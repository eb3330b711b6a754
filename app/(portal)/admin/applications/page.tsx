import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplicationStatusBadge } from "@/components/roster/application-status";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { TableHead } from "@/components/ui/table-head";
import { requireActor } from "@/lib/auth/current";
import { can, coversRegion } from "@/lib/authz";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { ZONE_COUNTIES } from "@/lib/regions/zone";
import { districtOf } from "@/lib/roster/district";
import { listApplications } from "@/lib/roster/queries/applications";
import { referenceNames } from "@/lib/roster/reference-names";
import { applicationQuerySchema } from "@/lib/roster/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("roster.admin.applications.title") };
}

const tabs = ["pending", "approved", "rejected", "all"] as const;

/**
 * The vetting queue: pending applications oldest first, with checklist progress and the applicant's
 * district. Every admin reads every district's; an admin of one district starts on its own
 * (?district=all shows the whole zone), since only its own are its to check and decide.
 */
export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string; district?: string }> }) {
  const [actor, { t, locale }, raw] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!can(actor.role, "application.list")) notFound();
  const tab = tabs.find((s) => s === raw.status) ?? "pending";
  const ownDistrict = actor.regionScope ? districtOf(actor.regionScope) : undefined;
  const district = raw.district === "all" ? undefined : (ZONE_COUNTIES.find((c) => c === raw.district) ?? ownDistrict);
  // The district as the links carry it: nothing for the default view.
  const districtParam = district === ownDistrict ? undefined : (district ?? "all");
  const query = applicationQuerySchema.safeParse({ status: tab === "all" ? undefined : tab, page: raw.page, district });
  const [result, names] = await Promise.all([
    listApplications(actor, query.success ? query.data : applicationQuerySchema.parse({ status: "pending" })),
    referenceNames(locale),
  ]);
  const hrefWith = (params: { status?: string; district?: string }) => {
    const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
    return search ? `/admin/applications?${search}` : "/admin/applications";
  };
  const districtName = (homeRegionCode: string) => names.regionName(districtOf(homeRegionCode));
  // "Vet" where the admin may check and decide (a pending application of its district); otherwise "view".
  const linkWord = (a: (typeof result.items)[number]) =>
    a.status === "pending" && coversRegion(actor, a.homeRegionCode) ? t("roster.admin.applications.open") : t("roster.admin.applications.view");
  const progress = (a: (typeof result.items)[number]) => (
    <span className={a.checksDone === a.checksNeeded ? "text-emerald-700" : "text-slate-700"}>
      {t("roster.admin.applications.progress", { done: a.checksDone, total: a.checksNeeded })}
    </span>
  );
  return (
    <div>
      <PageTitle subtitle={t("roster.admin.applications.intro")}>{t("roster.admin.applications.title")}</PageTitle>
      <nav aria-label={t("roster.admin.applications.title")} className="mb-4 flex flex-wrap gap-2">
        {tabs.map((s) => (
          <Link
            key={s}
            href={hrefWith({ status: s === "pending" ? undefined : s, district: districtParam })}
            aria-current={s === tab ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${s === tab ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
          >
            {t(`roster.admin.applications.tabs.${s}`)}
          </Link>
        ))}
      </nav>
      <nav aria-label={t("roster.admin.applications.districts")} className="mb-4 flex flex-wrap gap-2">
        {[undefined, ...ZONE_COUNTIES].map((code) => {
          const param = code === ownDistrict ? undefined : (code ?? "all");
          return (
            <Link
              key={code ?? "all"}
              href={hrefWith({ status: tab === "pending" ? undefined : tab, district: param })}
              aria-current={code === district ? "page" : undefined}
              className={`rounded-full border px-3 py-1 text-sm ${code === district ? "border-brand-700 bg-brand-50 text-brand-900" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
            >
              {code ? names.regionName(code) : t("roster.admin.applications.allDistricts")}
            </Link>
          );
        })}
      </nav>
      <Card>
        {result.items.length ? (
          <>
            <ul className="divide-y divide-slate-200 md:hidden">
              {result.items.map((a) => (
                <li key={a.id} className="py-3">
                  <Link href={`/admin/applications/${a.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {a.name}
                  </Link>
                  <p className="text-sm text-slate-600">{a.organization}</p>
                  <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
                    <ApplicationStatusBadge status={a.status} t={t} />
                    <span>{districtName(a.homeRegionCode)}</span>
                    <span>{t(`roster.kinds.${a.kind}`)}</span>
                    <span>{formatDateTime(a.submittedAt, locale)}</span>
                    <span>
                      {t("roster.admin.applications.columns.checklist")} {progress(a)}
                    </span>
                  </div>
                </li>
              ))}
            </ul>
            <table className="hidden w-full text-left text-sm md:table">
              <TableHead
                columns={[
                  ...(["applicant", "district", "kind", "submittedAt", "checklist", "status"] as const).map((c) =>
                    t(`roster.admin.applications.columns.${c}`),
                  ),
                  <span key="open" className="sr-only">
                    {t("roster.admin.applications.open")}
                  </span>,
                ]}
              />
              <tbody className="divide-y divide-slate-100">
                {result.items.map((a) => (
                  <tr key={a.id}>
                    <td className="py-2 pr-3">
                      <span className="font-medium">{a.name}</span>
                      <span className="block text-xs text-slate-600">{[a.title, a.organization].filter(Boolean).join(" · ")}</span>
                    </td>
                    <td className="py-2 pr-3 whitespace-nowrap">{districtName(a.homeRegionCode)}</td>
                    <td className="py-2 pr-3">{t(`roster.kinds.${a.kind}`)}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(a.submittedAt, locale)}</td>
                    <td className="py-2 pr-3 tabular-nums">{progress(a)}</td>
                    <td className="py-2 pr-3">
                      <ApplicationStatusBadge status={a.status} t={t} />
                    </td>
                    <td className="py-2 text-right">
                      <Link href={`/admin/applications/${a.id}`} className="text-brand-700 underline" aria-label={`${linkWord(a)}: ${a.name}`}>
                        {linkWord(a)}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <EmptyState>{t("roster.admin.applications.empty")}</EmptyState>
        )}
        <Pagination
          list={result}
          basePath="/admin/applications"
          query={{ status: tab === "pending" ? undefined : tab, district: districtParam }}
          t={t}
        />
      </Card>
    </div>
  );
}
