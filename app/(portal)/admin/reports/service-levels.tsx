import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { TableHead } from "@/components/ui/table-head";
import { deadlineKinds, type DeadlineKind } from "@/lib/enums";
import type { Locale } from "@/lib/i18n/catalog";
import { formatCount, formatDecimal, formatMonth, formatTimestamp } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { BreachRow } from "@/lib/reports/breaches";
import type { ComplianceRow } from "@/lib/reports/compliance";
import type { Period } from "@/lib/reports/period";

const minute = (at: Date) => formatTimestamp(at).slice(0, 16);

/** Share met in time as a percentage, or a dash when nothing fell due. */
function share(row: ComplianceRow, locale: Locale): string {
  return row.due ? `${formatDecimal((row.met / row.due) * 100, locale)}%` : "—";
}

function ComplianceTable({ title, rows, t, locale }: { title: string; rows: ComplianceRow[]; t: Translate; locale: Locale }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      {rows.length ? (
        <table className="mt-2 w-full text-left text-sm">
          <TableHead
            columns={[
              "",
              <span key="due" className="block text-right">
                {t("reports.serviceLevels.due")}
              </span>,
              <span key="met" className="block text-right">
                {t("reports.serviceLevels.met")}
              </span>,
              <span key="share" className="block text-right">
                {t("reports.serviceLevels.share")}
              </span>,
            ]}
          />
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className="max-w-[10rem] truncate py-1.5 pr-3 font-normal text-slate-900">
                  {r.label}
                </th>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(r.due, locale)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(r.met, locale)}</td>
                <td className={`py-1.5 text-right font-medium tabular-nums ${r.due && r.met / r.due < 0.8 ? "text-red-700" : "text-slate-900"}`}>
                  {share(r, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("reports.serviceLevels.none")}</p>
      )}
    </div>
  );
}

/** Who owed a missed step: the expert by name, or the district's admins (triage). */
export function owedByLabel(b: BreachRow, t: Translate): string {
  return b.owedBy.role === "admin" ? t("reports.breaches.districtAdmins") : (b.expertName ?? t("common.roles.expert"));
}

/**
 * The dashboard's service levels: compliance per district, expert and month, then the missed
 * deadlines of the period with a step filter (a plain GET form) and the CSV/Excel exports.
 */
export function ServiceLevelsSection({
  compliance,
  breaches,
  period,
  kind,
  groupBy,
  t,
  locale,
}: {
  compliance: { byDistrict: ComplianceRow[]; byExpert: ComplianceRow[]; byMonth: ComplianceRow[] };
  breaches: { items: BreachRow[]; page: number; pageSize: number; total: number };
  period: Period;
  kind: DeadlineKind | undefined;
  groupBy: string;
  t: Translate;
  locale: Locale;
}) {
  const query = { from: period.from, to: period.to, groupBy, kind };
  const exportHref = (format: "csv" | "xlsx") =>
    `/api/v1/reports/breaches?${new URLSearchParams({ format, from: period.from, to: period.to, ...(kind ? { kind } : {}) }).toString()}`;
  return (
    <section id="service-levels" className="space-y-6" aria-labelledby="service-levels-title">
      <Card title={<span id="service-levels-title">{t("reports.sections.serviceLevels")}</span>}>
        <p className="-mt-2 mb-4 text-sm text-slate-600">{t("reports.serviceLevels.intro")}</p>
        <div className="grid grid-cols-1 gap-6 md:grid-cols-3">
          <ComplianceTable title={t("reports.serviceLevels.byDistrict")} rows={compliance.byDistrict} t={t} locale={locale} />
          <ComplianceTable title={t("reports.serviceLevels.byExpert")} rows={compliance.byExpert} t={t} locale={locale} />
          <ComplianceTable
            title={t("reports.serviceLevels.byMonth")}
            rows={compliance.byMonth.map((r) => ({ ...r, label: formatMonth(r.key, locale) }))}
            t={t}
            locale={locale}
          />
        </div>
      </Card>
      <Card
        title={t("reports.breaches.title")}
        action={
          <div className="flex flex-wrap gap-2 no-print">
            <a href={exportHref("xlsx")} download className={buttonClass("secondary")}>
              {t("reports.breaches.xlsx")}
            </a>
            <a href={exportHref("csv")} download className={buttonClass("secondary")}>
              {t("reports.breaches.csv")}
            </a>
          </div>
        }
      >
        <form method="get" action="/admin/reports#service-levels" className="mb-4 flex flex-wrap items-end gap-3 no-print">
          <input type="hidden" name="from" value={period.from.slice(0, 7)} />
          <input type="hidden" name="to" value={period.to.slice(0, 7)} />
          <input type="hidden" name="groupBy" value={groupBy} />
          <Field id="breach-kind" label={t("reports.breaches.kind")}>
            {(aria) => (
              <select {...aria} name="kind" defaultValue={kind ?? ""} className={inputClass}>
                <option value="">{t("reports.breaches.allKinds")}</option>
                {deadlineKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`enums.deadlineKind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button type="submit" variant="secondary">
            {t("reports.breaches.apply")}
          </Button>
        </form>
        {breaches.items.length ? (
          <>
            <ul className="space-y-2 md:hidden">
              {breaches.items.map((b, i) => (
                <li key={`${b.requestId}-${b.kind}-${i}`} className="rounded-md border border-slate-200 p-3 text-sm">
                  <Link href={`/requests/${b.requestId}`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
                    {b.caseNumber}
                  </Link>{" "}
                  · {t(`enums.deadlineKind.${b.kind}`)}
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-slate-700">
                    <dt className="text-slate-600">{t("reports.breaches.columns.owedBy")}</dt>
                    <dd>{owedByLabel(b, t)}</dd>
                    <dt className="text-slate-600">{t("reports.breaches.columns.dueAt")}</dt>
                    <dd className="tabular-nums">{minute(b.dueAt)}</dd>
                    <dt className="text-slate-600">{t("reports.breaches.columns.doneAt")}</dt>
                    <dd className="tabular-nums">{b.doneAt ? minute(b.doneAt) : t("reports.breaches.stillOpen")}</dd>
                    <dt className="text-slate-600">{t("reports.breaches.columns.lateHours")}</dt>
                    <dd className="tabular-nums">{formatDecimal(b.lateHours, locale)}</dd>
                  </dl>
                </li>
              ))}
            </ul>
            <div className="hidden overflow-x-auto md:block">
              <table className="w-full text-left text-sm">
                <TableHead
                  columns={[
                    t("reports.breaches.columns.caseNumber"),
                    t("reports.breaches.columns.kind"),
                    t("reports.breaches.columns.owedBy"),
                    t("reports.breaches.columns.dueAt"),
                    t("reports.breaches.columns.doneAt"),
                    t("reports.breaches.columns.lateHours"),
                  ]}
                />
                <tbody className="divide-y divide-slate-100">
                  {breaches.items.map((b, i) => (
                    <tr key={`${b.requestId}-${b.kind}-${i}`}>
                      <td className="py-2 pr-3">
                        <Link href={`/requests/${b.requestId}`} className="text-brand-700 underline-offset-2 hover:underline">
                          {b.caseNumber}
                        </Link>
                      </td>
                      <td className="py-2 pr-3">{t(`enums.deadlineKind.${b.kind}`)}</td>
                      <td className="py-2 pr-3">{owedByLabel(b, t)}</td>
                      <td className="py-2 pr-3 tabular-nums">{minute(b.dueAt)}</td>
                      <td className="py-2 pr-3 tabular-nums">
                        {b.doneAt ? minute(b.doneAt) : <span className="text-red-700">{t("reports.breaches.stillOpen")}</span>}
                      </td>
                      <td className="py-2 text-right tabular-nums">{formatDecimal(b.lateHours, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination list={breaches} basePath="/admin/reports" query={query} t={t} />
          </>
        ) : (
          <p className="text-sm text-slate-600">{t("reports.breaches.none")}</p>
        )}
      </Card>
    </section>
  );
}
