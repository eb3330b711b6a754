import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BarListChart } from "@/components/charts/bar-list-chart";
import { ColumnChart } from "@/components/charts/column-chart";
import { Card, PageTitle } from "@/components/ui/card";
import { FigureTiles } from "@/components/ui/figures";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { fieldErrorsFromZod } from "@/lib/http/form-input";
import { messageSource } from "@/lib/i18n/translate";
import { todayInShanghai } from "@/lib/clock";
import { formatCompactYuan, formatCount } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { findRegion } from "@/lib/reference-data/queries";
import { hasMessage } from "@/lib/i18n/translate";
import { formatFen } from "@/lib/money";
import { breachesPage } from "@/lib/reports/breaches";
import { serviceLevelCompliance } from "@/lib/reports/compliance";
import { getDashboardPanels } from "@/lib/reports/dashboard";
import { getDutyReport } from "@/lib/reports/duty-figures";
import { getReport, reportRows } from "@/lib/reports/get-report";
import { monthAxis } from "@/lib/reports/labels";
import { defaultPeriod } from "@/lib/reports/period";
import { reportQuerySchema, type ReportQuery } from "@/lib/reports/schemas";
import { deadlineKinds, type DeadlineKind } from "@/lib/enums";
import { reportScope } from "@/lib/reports/scope";
import { DutySection } from "./duty-section";
import { ReportFilters } from "./report-filters";
import { formatHours, ReportTable } from "./report-table";
import { ServiceLevelsSection } from "./service-levels";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("reports.title") };
}

/** Rows of the grouped table per page (by expert a region may have 100,000). */
const TABLE_PAGE_SIZE = 50;

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** The law society's dashboard: a period and a grouping, the key figures, charts with their tables, exports. */
export default async function ReportsPage({ searchParams }: { searchParams: Search }) {
  const [actor, { t, locale }, params] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!can(actor.role, "report.read")) notFound();
  const rowsPage = Math.min(100_000, Math.max(1, Math.floor(Number(one(params.rowsPage)) || 1)));
  const parsed = reportQuerySchema.safeParse({
    groupBy: one(params.groupBy),
    from: one(params.from),
    to: one(params.to),
    page: rowsPage,
    pageSize: TABLE_PAGE_SIZE,
  });
  const query: ReportQuery = parsed.success
    ? parsed.data
    : { groupBy: "month", period: defaultPeriod(), paging: { page: 1, pageSize: TABLE_PAGE_SIZE } };
  const errors = parsed.success ? {} : fieldErrorsFromZod(parsed.error, messageSource(locale));
  const { period } = query;
  const scope = reportScope(actor);
  const kindParam = one(params.kind);
  const kind = (deadlineKinds as readonly string[]).includes(kindParam ?? "") ? (kindParam as DeadlineKind) : undefined;
  const breachPage = Math.max(1, Math.floor(Number(one(params.page)) || 1));
  const [report, trend, byRegion, bySpecialty, panels, scopeRegion, compliance, breaches, duty] = await Promise.all([
    getReport(actor, query, locale),
    reportRows("month", period, scope, locale),
    reportRows("region", period, scope, locale),
    reportRows("specialty", period, scope, locale),
    getDashboardPanels(actor, period),
    actor.regionScope ? findRegion(actor.regionScope) : null,
    serviceLevelCompliance(actor, period, locale),
    breachesPage(actor, { kind, period, page: breachPage, pageSize: 20 }),
    getDutyReport(actor, period, locale),
  ]);
  const n = (value: number) => formatCount(value, locale);
  const totals = report.totals;
  const exportHref = (format: "csv" | "xlsx") =>
    `/api/v1/reports/export?groupBy=${query.groupBy}&from=${period.from}&to=${period.to}&format=${format}`;
  const kpis = [
    { label: t("reports.kpi.requests"), value: n(totals.requests) },
    { label: t("reports.kpi.requestsResolved"), value: n(totals.requestsResolved) },
    {
      label: t("reports.kpi.recovered"),
      value: formatFen(totals.recoveredFen),
      note: t("reports.kpi.claimed", { amount: formatFen(totals.claimedFen) }),
      wide: true,
    },
    {
      label: t("reports.kpi.disputesResolved"),
      value: n(totals.disputesResolved),
      note: `${t("reports.kpi.disputesOpened")} ${n(totals.disputesOpened)}`,
    },
    {
      label: t("reports.kpi.acceptTime"),
      value:
        totals.medianHoursToAccept === null
          ? t("reports.kpi.noData")
          : t("reports.kpi.hours", { hours: formatHours(totals.medianHoursToAccept, locale) }),
      note: totals.p90HoursToAccept === null ? undefined : t("reports.kpi.acceptTimeP90", { hours: formatHours(totals.p90HoursToAccept, locale) }),
    },
    { label: t("reports.matching.breaches"), value: n(panels.breaches.total) },
  ];
  const declineLabel = (reason: string) => {
    const key = `routing.declineReasons.${reason}`;
    return hasMessage(locale, key) ? t(key) : reason || "—";
  };

  return (
    <div className="space-y-6">
      <PageTitle subtitle={t("reports.subtitle")}>{t("reports.title")}</PageTitle>
      <p className="-mt-4 text-sm text-slate-600">
        {scopeRegion ? t("reports.scopeRegion", { region: locale === "en" ? scopeRegion.nameEn : scopeRegion.nameZh }) : t("reports.scopeAll")} ·{" "}
        {t(`reports.source.${report.source}`)}
      </p>
      <Card>
        <ReportFilters period={period} groupBy={query.groupBy} today={todayInShanghai()} errors={errors} t={t} />
        <Link href={`/admin/annual-report?year=${period.from.slice(0, 4)}`} className="no-print mt-3 inline-block text-sm text-brand-700 underline">
          {t("annualReport.link")}
        </Link>
      </Card>

      <FigureTiles figures={kpis} columns="grid-cols-2 sm:grid-cols-4 lg:grid-cols-7" testId="report-kpis" />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <ColumnChart
            id="trend-recovered"
            title={t("reports.charts.trendRecovered")}
            valueLabel={t("reports.columns.recovered")}
            t={t}
            data={trend.map((r, i) => ({
              key: r.key,
              label: r.label,
              value: r.recoveredFen,
              display: formatFen(r.recoveredFen),
              tick: formatCompactYuan(r.recoveredFen, locale),
              ...monthAxis(r.key, locale, i === 0),
            }))}
          />
        </Card>
        <Card>
          <ColumnChart
            id="trend-requests"
            title={t("reports.charts.trendRequests")}
            valueLabel={t("reports.columns.requests")}
            t={t}
            tone="accent"
            data={trend.map((r, i) => ({
              key: r.key,
              label: r.label,
              value: r.requests,
              display: n(r.requests),
              ...monthAxis(r.key, locale, i === 0),
            }))}
          />
        </Card>
        <Card>
          <BarListChart
            id="by-region"
            title={t("reports.charts.byRegion")}
            valueLabel={t("reports.columns.recovered")}
            t={t}
            data={[...byRegion]
              .sort((a, b) => (b.recoveredFen > a.recoveredFen ? 1 : b.recoveredFen < a.recoveredFen ? -1 : 0))
              .map((r) => ({ key: r.key, label: r.label, value: r.recoveredFen, display: formatFen(r.recoveredFen) }))}
          />
        </Card>
        <Card>
          <BarListChart
            id="by-specialty"
            title={t("reports.charts.bySpecialty")}
            valueLabel={t("reports.columns.requests")}
            t={t}
            data={bySpecialty.map((r) => ({ key: r.key, label: r.label, value: r.requests, display: n(r.requests) }))}
          />
        </Card>
      </div>

      <Card
        id="grouped"
        title={`${t("reports.sections.grouped")} · ${t(`reports.groupBy.${query.groupBy}`)}`}
        action={
          <div className="flex flex-wrap gap-2 no-print">
            <a href={exportHref("xlsx")} download className={buttonClass("secondary")}>
              {t("reports.export.xlsx")}
            </a>
            <a href={exportHref("csv")} download className={buttonClass("secondary")}>
              {t("reports.export.csv")}
            </a>
          </div>
        }
      >
        <ReportTable report={report} t={t} locale={locale} />
        {report.total > report.pageSize ? (
          <Pagination
            list={report}
            basePath="/admin/reports"
            query={{ groupBy: query.groupBy, from: period.from, to: period.to }}
            param="rowsPage"
            hash="grouped"
            t={t}
          />
        ) : null}
      </Card>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title={t("reports.sections.matching")}>
          <div className="space-y-6">
            <BarListChart
              id="status"
              title={t("reports.charts.status")}
              valueLabel={t("reports.columns.requests")}
              t={t}
              data={panels.status
                .filter((s) => s.count > 0)
                .map((s) => ({ key: s.status, label: t(`enums.requestStatus.${s.status}`), value: s.count, display: n(s.count) }))}
            />
            <BarListChart
              id="declines"
              title={t("reports.charts.declines")}
              valueLabel={t("reports.matching.declined")}
              t={t}
              data={panels.declines.map((d) => ({ key: d.reason || "none", label: declineLabel(d.reason), value: d.count, display: n(d.count) }))}
            />
            <div>
              <h3 className="text-sm font-semibold text-slate-800">{t("reports.matching.breachesByExpert")}</h3>
              {panels.breaches.byExpert.length ? (
                <ul className="mt-2 divide-y divide-slate-100 text-sm">
                  {panels.breaches.byExpert.map((b) => (
                    <li key={b.expertId} className="flex justify-between py-1">
                      <span>{b.name}</span>
                      <span className="tabular-nums">{n(b.count)}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-2 text-sm text-slate-600">{t("reports.matching.noBreaches")}</p>
              )}
            </div>
          </div>
        </Card>
        <div className="space-y-6">
          <Card title={t("reports.sections.caseload")}>
            {panels.caseload.length ? (
              <ul className="space-y-2 text-sm">
                {panels.caseload.map((c) => (
                  <li key={c.expertId} className="grid grid-cols-[minmax(0,9rem)_1fr_auto] items-center gap-3">
                    <span className="truncate">{c.name}</span>
                    <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="h-3 w-full" aria-hidden="true">
                      <rect width={100} height={10} rx={2} className="fill-slate-100" />
                      <rect
                        width={Math.min(100, (c.active / Math.max(c.capacity, 1)) * 100)}
                        height={10}
                        rx={2}
                        className={c.active >= c.capacity ? "fill-red-600" : "fill-brand-600"}
                      />
                    </svg>
                    <span className="tabular-nums">{t("reports.caseload.load", { active: c.active, capacity: c.capacity })}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t("reports.caseload.empty")}</p>
            )}
          </Card>
          <Card title={t("reports.sections.satisfaction")}>
            {panels.satisfaction.rated ? (
              <div className="space-y-4">
                <p className="text-sm text-slate-700">
                  <span className="text-2xl font-bold text-slate-900">
                    {t("reports.satisfaction.averageValue", { value: panels.satisfaction.averageRating ?? "—" })}
                  </span>{" "}
                  {t("reports.satisfaction.rated", { n: panels.satisfaction.rated })}
                </p>
                <BarListChart
                  id="ratings"
                  title={t("reports.charts.ratings")}
                  valueLabel={t("reports.charts.count")}
                  t={t}
                  data={[...panels.satisfaction.ratings]
                    .reverse()
                    .map((r) => ({ key: String(r.stars), label: t("reports.charts.stars", { n: r.stars }), value: r.count, display: n(r.count) }))}
                />
              </div>
            ) : (
              <p className="text-sm text-slate-600">{t("reports.satisfaction.none")}</p>
            )}
            {panels.satisfaction.returnVisits ? (
              <p className="mt-4 text-sm text-slate-700">
                {t("reports.satisfaction.returnVisitsValue", {
                  n: panels.satisfaction.returnVisits,
                  value: panels.satisfaction.averageVisitSatisfaction ?? "—",
                })}
              </p>
            ) : null}
          </Card>
        </div>
      </div>

      <DutySection duty={duty} t={t} locale={locale} />

      <ServiceLevelsSection compliance={compliance} breaches={breaches} period={period} kind={kind} groupBy={query.groupBy} t={t} locale={locale} />
    </div>
  );
}
