import type { Metadata } from "next";
import { ColumnChart } from "@/components/charts/column-chart";
import { ImpactByCategory } from "@/components/reports/impact-by-category";
import { ImpactTypicalCases } from "@/components/typical-cases/impact-section";
import { Card, PageTitle } from "@/components/ui/card";
import { FigureList, FigureTiles, type Figure } from "@/components/ui/figures";
import { todayInShanghai } from "@/lib/clock";
import { formatCount, formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { formatFen } from "@/lib/money";
import { cachedImpactFigures, cachedPublicStats } from "@/lib/public-cache/reads";
import { getDutyImpact } from "@/lib/reports/duty-figures";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("reports.impact.title") };
}

/** The public impact page: aggregate figures by year and by district of the zone; nothing confidential. */
export default async function ImpactPage() {
  const [{ t, locale }, totals, { byYear, districts, other }, duty] = await Promise.all([
    getT(),
    cachedPublicStats(),
    cachedImpactFigures(),
    getDutyImpact(),
  ]);
  const n = (value: number) => formatCount(value, locale);
  const headline = [
    { label: t("reports.impact.expertsActive"), value: n(totals.expertsActive) },
    { label: t("reports.impact.requestsFiled"), value: n(totals.requestsFiled) },
    { label: t("reports.impact.requestsResolved"), value: n(totals.requestsResolved) },
    { label: t("reports.impact.disputesResolved"), value: n(totals.disputesResolved) },
    { label: t("reports.impact.recovered"), value: formatFen(totals.recoveredFen), wide: true, strong: true },
  ];
  const figuresOf = (
    f: {
      expertsActive?: number;
      requestsFiled: number;
      requestsResolved: number;
      disputesResolved: number;
      recoveredFen: bigint;
    },
    more: Figure[] = [],
  ): Figure[] => [
    ...(f.expertsActive === undefined ? [] : [{ label: t("reports.impact.expertsActive"), value: n(f.expertsActive) }]),
    { label: t("reports.impact.requestsFiled"), value: n(f.requestsFiled) },
    { label: t("reports.impact.requestsResolved"), value: n(f.requestsResolved) },
    { label: t("reports.impact.disputesResolved"), value: n(f.disputesResolved) },
    ...more,
    { label: t("reports.impact.recovered"), value: formatFen(f.recoveredFen), strong: true },
  ];
  // Duty days (坐诊) at the district's stations: sessions held and consultations given, nothing planned or missed.
  const dutyFiguresOf = (code: string): Figure[] => {
    const d = duty.find((x) => x.code === code);
    return [
      { label: t("dutyFigures.impact.sessionsHeld"), value: n(d?.sessionsHeld ?? 0) },
      { label: t("dutyFigures.impact.consultationsGiven"), value: n(d?.consultationsGiven ?? 0) },
    ];
  };
  const hasOther = other.requestsFiled > 0 || other.recoveredFen !== 0n;
  const years = [...byYear].reverse();
  const th = "py-2 pr-3 text-right font-medium";
  const td = "py-2 pr-3 text-right tabular-nums whitespace-nowrap";

  return (
    <div className="space-y-8">
      <PageTitle subtitle={t("reports.impact.subtitle")}>{t("reports.impact.title")}</PageTitle>

      <FigureTiles figures={headline} columns="grid-cols-2 sm:grid-cols-3 lg:grid-cols-6" testId="impact-totals" />

      <section aria-labelledby="by-district" className="space-y-3">
        <h2 id="by-district" className="text-xl font-semibold">
          {t("reports.impact.byDistrict")}
        </h2>
        <div className="grid gap-4 md:grid-cols-3">
          {districts.map((d) => (
            <Card key={d.code} title={locale === "en" ? d.nameEn : d.nameZh}>
              <FigureList figures={figuresOf(d, dutyFiguresOf(d.code))} />
            </Card>
          ))}
        </div>
        {hasOther ? (
          <p className="text-sm text-slate-600">
            {t("reports.impact.other")} · {t("reports.impact.requestsFiled")} {n(other.requestsFiled)} · {t("reports.impact.recovered")}{" "}
            {formatFen(other.recoveredFen)}
          </p>
        ) : null}
      </section>

      <ImpactByCategory />

      <section aria-labelledby="by-year" className="space-y-3">
        <h2 id="by-year" className="text-xl font-semibold">
          {t("reports.impact.byYear")}
        </h2>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Card>
            <ColumnChart
              id="impact-recovered"
              title={t("reports.impact.trend")}
              valueLabel={t("reports.impact.recovered")}
              t={t}
              data={byYear.map((y) => ({ key: String(y.year), label: String(y.year), value: y.recoveredFen, display: formatFen(y.recoveredFen) }))}
            />
          </Card>
          <Card>
            <ColumnChart
              id="impact-resolved"
              title={t("reports.impact.trendResolved")}
              valueLabel={t("reports.impact.disputesResolved")}
              t={t}
              tone="accent"
              data={byYear.map((y) => ({ key: String(y.year), label: String(y.year), value: y.disputesResolved, display: n(y.disputesResolved) }))}
            />
          </Card>
        </div>
        <Card>
          <ul className="divide-y divide-slate-100 text-sm md:hidden">
            {years.map((y) => (
              <li key={y.year} className="py-2">
                <p className="font-semibold text-slate-900">{y.year}</p>
                <FigureList figures={figuresOf(y)} />
              </li>
            ))}
          </ul>
          <table className="hidden w-full text-left text-sm md:table">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th className="py-2 pr-3 font-medium">{t("reports.impact.year")}</th>
                <th className={th}>{t("reports.impact.requestsFiled")}</th>
                <th className={th}>{t("reports.impact.requestsResolved")}</th>
                <th className={th}>{t("reports.impact.disputesResolved")}</th>
                <th className={th}>{t("reports.impact.recovered")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {years.map((y) => (
                <tr key={y.year}>
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {y.year}
                  </th>
                  <td className={td}>{n(y.requestsFiled)}</td>
                  <td className={td}>{n(y.requestsResolved)}</td>
                  <td className={td}>{n(y.disputesResolved)}</td>
                  <td className={td}>{formatFen(y.recoveredFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </section>
      <ImpactTypicalCases />
      <p className="text-sm text-slate-600">
        {t("reports.impact.note")} {t("reports.impact.asOf", { date: formatDate(todayInShanghai(), locale) })}
      </p>
    </div>
  );
}
