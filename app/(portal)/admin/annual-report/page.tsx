import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/disputes/print-button";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import { FigureTiles } from "@/components/ui/figures";
import { annualSections, getAnnualReport } from "@/lib/annual-report/get-annual-report";
import { annualReportQuerySchema } from "@/lib/annual-report/schemas";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { fieldErrorsFromZod } from "@/lib/http/form-input";
import { formatCount, formatDate, formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { messageSource } from "@/lib/i18n/translate";
import { formatFen } from "@/lib/money";
import { findRegion } from "@/lib/reference-data/queries";
import { ReportTable } from "../reports/report-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("annualReport.title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

const printCss = `@page { size: A4; margin: 14mm 12mm; }
@media print {
  .annual-report { font-size: 10pt; }
  .annual-report section { break-inside: avoid-page; }
  main { padding: 0 !important; max-width: none !important; }
}`;

/**
 * 年度报告: the admin picks a year and produces the society's report for it in one click (the
 * form's GET puts the year in the address): a printable page with every section, and the same
 * report as an Excel workbook to download.
 */
export default async function AnnualReportPage({ searchParams }: { searchParams: Search }) {
  const [actor, { t, locale }, params] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!can(actor.role, "report.read")) notFound();
  const yearParam = one(params.year);
  const parsed = annualReportQuerySchema.safeParse({ year: yearParam });
  const errors = parsed.success ? {} : fieldErrorsFromZod(parsed.error, messageSource(locale));
  const year = parsed.success ? parsed.data.year : Number(todayInShanghai().slice(0, 4));
  const [report, scopeRegion] = await Promise.all([
    yearParam && parsed.success ? getAnnualReport(actor, year, locale) : null,
    actor.regionScope ? findRegion(actor.regionScope) : null,
  ]);
  const n = (value: number) => formatCount(value, locale);
  const scopeName = scopeRegion ? (locale === "en" ? scopeRegion.nameEn : scopeRegion.nameZh) : null;

  return (
    <div className="space-y-6">
      <style>{printCss}</style>
      <div className="no-print space-y-4">
        <PageTitle subtitle={t("annualReport.intro")}>{t("annualReport.title")}</PageTitle>
        <Card>
          <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("annualReport.title")}>
            {Object.keys(errors).length ? <FormAlert message={Object.values(errors).join(" ")} /> : null}
            <Field id="annual-year" label={t("annualReport.year")} error={errors.year}>
              {(aria) => <input {...aria} type="number" name="year" min={2000} max={2100} defaultValue={year} className={`${inputClass} w-32`} />}
            </Field>
            <Button type="submit">{t("annualReport.produce")}</Button>
            <Link href="/admin/reports" className={buttonClass("secondary")}>
              {t("annualReport.back")}
            </Link>
          </form>
        </Card>
      </div>

      {report ? (
        <article
          className="annual-report space-y-6 rounded-lg bg-white p-4 shadow-sm sm:p-8 print:rounded-none print:p-0 print:shadow-none"
          data-testid="annual-report"
        >
          <div className="no-print flex flex-wrap gap-2">
            <a href={`/api/v1/reports/annual?year=${report.year}&format=xlsx`} download className={buttonClass("secondary")}>
              {t("annualReport.download")}
            </a>
            <PrintButton label={t("annualReport.print")} />
          </div>
          <header className="border-b-4 border-brand-900 pb-3 text-center">
            <p className="text-sm text-slate-600">
              {t("common.societyName")} · {t("common.appName")}
            </p>
            <h2 className="mt-1 text-2xl font-bold text-slate-900">{t("annualReport.heading", { year: report.year })}</h2>
            <p className="mt-1 text-sm text-slate-600">
              {t("annualReport.period", { from: formatDate(report.from, locale), to: formatDate(report.to, locale) })} ·{" "}
              {scopeName ? t("annualReport.scopeRegion", { region: scopeName }) : t("annualReport.scopeAll")}
            </p>
          </header>

          <section aria-labelledby="annual-summary" className="space-y-3">
            <h3 id="annual-summary" className="text-lg font-semibold">
              {t("annualReport.sections.summary")}
            </h3>
            <FigureTiles
              testId="annual-totals"
              columns="grid-cols-2 sm:grid-cols-3 lg:grid-cols-6"
              figures={[
                { label: t("reports.kpi.requests"), value: n(report.totals.requests) },
                { label: t("reports.kpi.requestsResolved"), value: n(report.totals.requestsResolved) },
                { label: t("reports.kpi.disputesResolved"), value: n(report.totals.disputesResolved) },
                { label: t("reports.kpi.recovered"), value: formatFen(report.totals.recoveredFen), wide: true, strong: true },
                { label: t("annualReport.sections.commendations"), value: n(report.commendations.length) },
              ]}
            />
          </section>

          {annualSections.map((section) => (
            <section key={section} aria-labelledby={`annual-${section}`} className="space-y-2" data-testid={`annual-section-${section}`}>
              <h3 id={`annual-${section}`} className="text-lg font-semibold">
                {t(`annualReport.sections.${section}`)}
              </h3>
              {report.sections[section].rows.length ? (
                <ReportTable report={report.sections[section]} t={t} locale={locale} />
              ) : (
                <p className="text-sm text-slate-600">{t("annualReport.noRows")}</p>
              )}
              {section === "outcome" ? <p className="text-xs text-slate-600">{t("reportCategories.outcomeNote")}</p> : null}
            </section>
          ))}

          <section aria-labelledby="annual-typical" className="space-y-2" data-testid="annual-section-typical">
            <h3 id="annual-typical" className="text-lg font-semibold">
              {t("annualReport.sections.typicalCases")}
            </h3>
            {report.typicalCases.length ? (
              <ol className="list-decimal space-y-2 pl-6 text-sm">
                {report.typicalCases.map((c) => (
                  <li key={c.id}>
                    <p className="font-medium text-slate-900">{locale === "en" && c.titleEn ? c.titleEn : c.titleZh}</p>
                    <p className="text-slate-600">
                      {t("annualReport.typical.disputesResolved")} {n(c.disputesResolved)} · {t("annualReport.typical.recovered")}{" "}
                      {formatFen(c.recoveredFen)} · {t("annualReport.typical.publishedAt")} {formatDate(c.publishedAt, locale)}
                    </p>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-slate-600">{t("annualReport.typical.none")}</p>
            )}
          </section>

          <section aria-labelledby="annual-commendations" className="space-y-2" data-testid="annual-section-commendations">
            <h3 id="annual-commendations" className="text-lg font-semibold">
              {t("annualReport.sections.commendations")}
            </h3>
            {report.commendations.length ? (
              <ul className="grid gap-1 text-sm sm:grid-cols-2">
                {report.commendations.map((c) => (
                  <li key={c.expertId}>
                    <span className="font-medium text-slate-900">{c.name}</span>
                    <span className="text-slate-600"> · {(locale === "en" ? c.districtNameEn : c.districtNameZh) ?? c.districtCode ?? "—"}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t("annualReport.commendations.none")}</p>
            )}
          </section>
          <p className="text-xs text-slate-500">
            {t("reports.impact.note")} {t("annualReport.generatedAt", { time: formatDateTime(new Date(), locale) })}
          </p>
        </article>
      ) : null}
    </div>
  );
}
