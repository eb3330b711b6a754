import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import type { Period } from "@/lib/reports/period";
import { reportDimensions, type ReportDimension } from "@/lib/reports/schemas";
import type { Translate } from "@/lib/i18n/translate";

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The period and grouping of the dashboard: a plain GET form, so every view has a shareable address. */
export function ReportFilters({
  period,
  groupBy,
  today,
  errors,
  t,
}: {
  period: Period;
  groupBy: ReportDimension;
  today: string;
  errors: Record<string, string>;
  t: Translate;
}) {
  const thisMonth = today.slice(0, 7);
  const year = today.slice(0, 4);
  const presets = [
    { label: t("reports.filters.thisYear"), from: `${year}-01`, to: `${year}-12` },
    { label: t("reports.filters.lastYear"), from: `${Number(year) - 1}-01`, to: `${Number(year) - 1}-12` },
    { label: t("reports.filters.last12"), from: shiftMonth(thisMonth, -11), to: thisMonth },
  ];
  return (
    <form method="get" className="space-y-3 no-print" aria-label={t("reports.filters.title")}>
      {Object.keys(errors).length ? <FormAlert message={Object.values(errors).join(" ")} /> : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <Field id="report-from" label={t("reports.filters.from")} error={errors.from}>
          {(aria) => <input {...aria} type="month" name="from" defaultValue={period.from.slice(0, 7)} className={inputClass} />}
        </Field>
        <Field id="report-to" label={t("reports.filters.to")} error={errors.to}>
          {(aria) => <input {...aria} type="month" name="to" defaultValue={period.to.slice(0, 7)} className={inputClass} />}
        </Field>
        <Field id="report-group" label={t("reports.filters.groupBy")}>
          {(aria) => (
            <select {...aria} name="groupBy" defaultValue={groupBy} className={inputClass}>
              {reportDimensions.map((d) => (
                <option key={d} value={d}>
                  {t(`reports.groupBy.${d}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit">{t("reports.filters.apply")}</Button>
      </div>
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span>{t("reports.filters.presets")}</span>
        {presets.map((p) => (
          <Link
            key={p.label}
            href={`/admin/reports?from=${p.from}&to=${p.to}&groupBy=${groupBy}`}
            className="rounded-full border border-slate-300 bg-white px-3 py-1 text-brand-700 hover:bg-brand-50"
          >
            {p.label}
          </Link>
        ))}
      </p>
    </form>
  );
}
