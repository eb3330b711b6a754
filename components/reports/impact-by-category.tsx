import { Card } from "@/components/ui/card";
import { FigureList } from "@/components/ui/figures";
import { formatCount } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { formatFen } from "@/lib/money";
import { getImpactByCategory } from "@/lib/reports/impact-by-category";

/** The impact page's section on the society's work per category of work (all time, aggregates only). */
export async function ImpactByCategory() {
  const [{ t, locale }, categories] = await Promise.all([getT(), getImpactByCategory()]);
  const n = (value: number) => formatCount(value, locale);
  const shown = categories.filter((c) => c.requestsFiled > 0 || c.disputesResolved > 0 || c.recoveredFen !== 0n);
  return (
    <section aria-labelledby="by-category" className="space-y-3" data-testid="impact-by-category">
      <h2 id="by-category" className="text-xl font-semibold">
        {t("reportCategories.impact.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("reportCategories.impact.intro")}</p>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">{t("reportCategories.impact.empty")}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {shown.map((c) => (
            <li key={c.category}>
              <Card title={t(`enums.requestCategory.${c.category}`)}>
                <FigureList
                  figures={[
                    { label: t("reportCategories.impact.requestsHandled"), value: n(c.requestsFiled) },
                    { label: t("reports.impact.requestsResolved"), value: n(c.requestsResolved) },
                    { label: t("reports.impact.disputesResolved"), value: n(c.disputesResolved) },
                    { label: t("reports.impact.recovered"), value: formatFen(c.recoveredFen), strong: true },
                  ]}
                />
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
