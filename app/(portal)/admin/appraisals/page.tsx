import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { currentYear, listAppraisals, type AppraisalItem } from "@/lib/appraisals/queries";
import { appraisalsQuerySchema } from "@/lib/appraisals/schemas";
import { scorecardFigures } from "@/lib/appraisals/scorecard";
import { requireActor } from "@/lib/auth/current";
import { allows, coversRegion } from "@/lib/authz";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { formatDate, formatDecimal } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { formatFen } from "@/lib/money";
import { ZONE_COUNTIES } from "@/lib/regions/zone";
import { referenceNames } from "@/lib/roster/reference-names";
import { gradeExpertAction } from "./actions";
import { GradeForm } from "./grade-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("appraisals.nav.appraisals") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const PAGE_SIZE = 20;
const sortKeys = ["name", "grade", ...scorecardFigures] as const;
type SortKey = (typeof sortKeys)[number];
const gradeOrder = { excellent: 0, competent: 1, basic: 2, incompetent: 3 } as const;

function compare(key: SortKey, locale: string) {
  return (a: AppraisalItem, b: AppraisalItem) => {
    if (key === "name") return a.name.localeCompare(b.name, locale);
    if (key === "grade") return (a.grade ? gradeOrder[a.grade] : 9) - (b.grade ? gradeOrder[b.grade] : 9);
    return (b[key] ?? -1) - (a[key] ?? -1);
  };
}

/** The year's annual appraisals: each expert's scorecard, the grade form, progress, the Excel export. */
async function AppraisalsPage({ searchParams }: { searchParams: Search }) {
  const [actor, { t, locale }, params] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!allows(actor, "appraisal.read")) notFound();
  const parsed = appraisalsQuerySchema.safeParse({ year: one(params.year), district: one(params.district) });
  const year = (parsed.success ? parsed.data.year : undefined) ?? currentYear();
  const district = parsed.success ? parsed.data.district : undefined;
  const sortParam = one(params.sort);
  const sort: SortKey = (sortKeys as readonly string[]).includes(sortParam ?? "") ? (sortParam as SortKey) : "name";
  const [items, names] = await Promise.all([listAppraisals(actor, { year, district }), referenceNames(locale)]);
  const sorted = [...items].sort(compare(sort, locale));
  const page = Math.max(1, Math.floor(Number(one(params.page)) || 1));
  const shown = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const graded = items.filter((i) => i.grade).length;
  const query = { year: String(year), district, sort };
  const sortHref = (key: SortKey) =>
    `/admin/appraisals?${new URLSearchParams({ year: String(year), ...(district ? { district } : {}), sort: key }).toString()}`;
  const districts = actor.regionScope ? [] : ZONE_COUNTIES;
  const cell = (item: AppraisalItem, key: (typeof scorecardFigures)[number]) => {
    const value = item[key];
    if (value === null) return "—";
    if (key === "recoveredFen") return formatFen(item.recoveredFen);
    return Number.isInteger(value) ? String(value) : formatDecimal(value, locale, key.startsWith("average") ? 2 : 1);
  };
  const canExport = allows(actor, "report.export");
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t("appraisals.admin.intro")}>{t("appraisals.admin.title", { year })}</PageTitle>
      <Card>
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("appraisals.admin.show")}>
          <label className="text-sm">
            <span className="block font-medium">{t("appraisals.admin.year")}</span>
            <input name="year" type="number" min={2000} max={currentYear()} defaultValue={year} className={`${inputClass} w-28`} />
          </label>
          {districts.length ? (
            <label className="text-sm">
              <span className="block font-medium">{t("appraisals.admin.district")}</span>
              <select name="district" defaultValue={district ?? ""} className={inputClass}>
                <option value="">{t("appraisals.admin.allDistricts")}</option>
                {districts.map((code) => (
                  <option key={code} value={code}>
                    {names.regionName(code)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="submit" className={buttonClass("secondary")}>
            {t("appraisals.admin.show")}
          </button>
          {canExport ? (
            <a
              className={buttonClass("secondary")}
              href={`/api/v1/appraisals?${new URLSearchParams({ year: String(year), ...(district ? { district } : {}), format: "xlsx" }).toString()}`}
              download
            >
              {t("appraisals.admin.export")}
            </a>
          ) : null}
        </form>
        <p className="mt-3 text-sm font-medium" data-testid="appraisal-progress">
          {t("appraisals.admin.progress", { graded, total: items.length })}
        </p>
      </Card>
      <Card>
        {shown.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  {(["name", ...scorecardFigures, "grade"] as const).map((key) => (
                    <th
                      key={key}
                      scope="col"
                      className="py-2 pr-3 align-bottom font-medium"
                      aria-sort={sort === key ? (key === "name" || key === "grade" ? "ascending" : "descending") : undefined}
                    >
                      <Link href={sortHref(key)} className="underline-offset-2 hover:underline">
                        {key === "name" ? t("appraisals.admin.name") : key === "grade" ? t("appraisals.admin.grade") : t(`appraisals.figures.${key}`)}
                      </Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((item) => (
                  <tr key={item.expertId} className="border-b border-slate-100 align-top" data-testid="appraisal-row">
                    <th scope="row" className="py-2 pr-3 font-medium">
                      <Link href={`/admin/experts/${item.expertId}`} className="text-brand-700 underline">
                        {item.name}
                      </Link>
                      <span className="block text-xs font-normal text-slate-600">{names.regionName(item.district)}</span>
                    </th>
                    {scorecardFigures.map((key) => (
                      <td key={key} className="py-2 pr-3 tabular-nums">
                        {cell(item, key)}
                      </td>
                    ))}
                    <td className="min-w-56 py-2">
                      <p className="font-medium" data-testid="appraisal-grade">
                        {item.grade ? t(`appraisals.grades.${item.grade}`) : t("appraisals.admin.notGraded")}
                      </p>
                      {item.comment ? <p className="text-slate-700">{item.comment}</p> : null}
                      {item.gradedAt ? (
                        <p className="text-xs text-slate-600">{t("appraisals.admin.gradedAt", { date: formatDate(item.gradedAt, locale) })}</p>
                      ) : null}
                      {allows(actor, "appraisal.grade") && coversRegion(actor, item.district) ? (
                        <GradeForm
                          action={gradeExpertAction}
                          expertId={item.expertId}
                          name={item.name}
                          year={year}
                          grade={item.grade}
                          comment={item.comment}
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>{t("appraisals.admin.empty")}</EmptyState>
        )}
        <Pagination list={{ page, pageSize: PAGE_SIZE, total: items.length }} basePath="/admin/appraisals" query={query} t={t} />
      </Card>
    </div>
  );
}

export default withClientMessages(["errors", "appraisals"], AppraisalsPage);
