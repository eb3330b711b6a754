import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ScorecardFacts } from "@/components/appraisals/scorecard-facts";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { ownAppraisals } from "@/lib/appraisals/queries";
import { requireActor } from "@/lib/auth/current";
import { allows } from "@/lib/authz";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("appraisals.mine.title") };
}

/** The signed-in expert's annual appraisals: each year's scorecard, and the grade and comment recorded. */
export default async function MyAppraisalsPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getT()]);
  if (!allows(actor, "appraisal.readOwn")) notFound();
  const items = await ownAppraisals(actor);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageTitle subtitle={t("appraisals.mine.intro")}>{t("appraisals.mine.title")}</PageTitle>
      {items.length ? (
        items.map((item) => (
          <Card key={item.year} title={t("appraisals.mine.yearHeading", { year: item.year })}>
            <div className="mb-4" data-testid={`my-appraisal-${item.year}`}>
              {item.grade ? (
                <>
                  <p className="text-lg font-semibold">
                    {t("appraisals.admin.grade")}：{t(`appraisals.grades.${item.grade}`)}
                  </p>
                  {item.comment ? <p className="text-slate-700">{item.comment}</p> : null}
                  {item.gradedAt ? (
                    <p className="text-xs text-slate-600">{t("appraisals.admin.gradedAt", { date: formatDate(item.gradedAt, locale) })}</p>
                  ) : null}
                </>
              ) : (
                <p className="text-slate-600">{t("appraisals.mine.notGraded")}</p>
              )}
            </div>
            <ScorecardFacts card={item} t={t} locale={locale} />
          </Card>
        ))
      ) : (
        <EmptyState>{t("appraisals.mine.empty")}</EmptyState>
      )}
    </div>
  );
}
