import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { currentYear } from "@/lib/appraisals/queries";
import { cachedCommendedExperts } from "@/lib/public-cache/reads";
import { yearField } from "@/lib/appraisals/schemas";
import { getT } from "@/lib/i18n/server";
import { referenceNames } from "@/lib/roster/reference-names";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("appraisals.commended.link"), alternates: { canonical: "/experts/commended" } };
}

/** Public: the year's commended experts (graded 优秀), by default last year's. */
export default async function CommendedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).year;
  const parsed = yearField.safeParse(Array.isArray(raw) ? raw[0] : raw);
  const year = parsed.success && parsed.data <= currentYear() ? parsed.data : currentYear() - 1;
  const { t, locale } = await getT();
  const [experts, names] = await Promise.all([cachedCommendedExperts(year), referenceNames(locale)]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle subtitle={t("appraisals.commended.intro", { year })}>{t("appraisals.commended.title", { year })}</PageTitle>
      <form method="get" className="mb-6 flex items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium">{t("appraisals.commended.year")}</span>
          <input name="year" type="number" min={2000} max={currentYear()} defaultValue={year} className={`${inputClass} w-28`} />
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          {t("appraisals.commended.show")}
        </button>
      </form>
      {experts.length ? (
        <ul className="space-y-3" data-testid="commended-list">
          {experts.map((e) => (
            <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <Link href={`/experts/${e.id}`} className="text-lg font-semibold text-brand-700 underline">
                {e.name}
              </Link>
              <span className="ml-2 text-sm text-slate-600">{names.regionName(e.district)}</span>
              {e.comment ? <p className="mt-1 text-slate-700">{e.comment}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t("appraisals.commended.empty", { year })}</EmptyState>
      )}
    </div>
  );
}
