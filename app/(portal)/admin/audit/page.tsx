import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditEventTable } from "@/components/audit/audit-event-table";
import { Button, LinkButton } from "@/components/ui/button";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select-field";
import { auditEntityTypes, auditEventTypes } from "@/lib/audit/event-types";
import { AUDIT_EXPORT_MAX_ROWS } from "@/lib/audit/export";
import { entityTypeLabel, eventTypeLabel } from "@/lib/audit/labels";
import { listAuditEvents } from "@/lib/audit/queries";
import { readAuditQuery } from "@/lib/audit/schemas";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { formatCount, formatTotal } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { listRegions } from "@/lib/reference-data/queries";

export const dynamic = "force-dynamic";

const labelClass = "block text-sm font-medium";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("audit.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The audit trail for admins: every recorded decision in their district, filtered, paged and exportable. */
export default async function AuditPage({ searchParams }: Props) {
  const [actor, { t, locale }, raw] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!can(actor.role, "audit.read")) notFound();
  const { page, pageSize: _pageSize, ...filter } = readAuditQuery(raw);
  const [result, regions] = await Promise.all([listAuditEvents(actor, filter, { page, pageSize: 25 }), listRegions()]);
  const names = new Map(regions.map((r) => [r.code, locale === "en" ? r.nameEn : r.nameZh]));
  const regionName = (code: string) => names.get(code) ?? code;
  const query = Object.fromEntries(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])));
  const withoutActor = Object.fromEntries(Object.entries(query).filter(([key]) => key !== "actor"));
  const withQuery = (extra: Record<string, string>) => new URLSearchParams({ ...query, ...extra }).toString();
  const types: string[] = [...auditEventTypes];
  if (filter.type && !types.includes(filter.type)) types.push(filter.type);
  const entities: string[] = [...auditEntityTypes];
  if (filter.entityType && !entities.includes(filter.entityType)) entities.push(filter.entityType);
  const exportLink = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100";
  return (
    <div>
      <PageTitle subtitle={t("audit.intro")}>{t("audit.title")}</PageTitle>
      <p className="-mt-4 mb-4 text-sm text-slate-600">
        {actor.regionScope ? t("audit.scopeDistrict", { district: regionName(actor.regionScope) }) : t("audit.scopeAll")}
      </p>
      <form
        method="get"
        action="/admin/audit"
        role="search"
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4 lg:items-end"
      >
        <div className="space-y-1">
          <label htmlFor="actor" className={labelClass}>
            {t("audit.filters.actor")}
          </label>
          <input
            id="actor"
            name="actor"
            type="search"
            defaultValue={filter.actor ?? ""}
            placeholder={t("audit.filters.actorPlaceholder")}
            className={inputClass}
          />
          {filter.actorId ? <input type="hidden" name="actorId" value={filter.actorId} /> : null}
        </div>
        <SelectField
          id="type"
          label={t("audit.filters.type")}
          labelClassName={labelClass}
          defaultValue={filter.type ?? ""}
          anyLabel={t("audit.filters.any")}
          options={types.map((type) => ({ value: type, label: eventTypeLabel(type, locale) }))}
        />
        <SelectField
          id="entityType"
          label={t("audit.filters.entityType")}
          labelClassName={labelClass}
          defaultValue={filter.entityType ?? ""}
          anyLabel={t("audit.filters.any")}
          options={entities.map((entity) => ({ value: entity, label: entityTypeLabel(entity, locale) }))}
        />
        <div className="space-y-1">
          <label htmlFor="entityId" className={labelClass}>
            {t("audit.filters.entityId")}
          </label>
          <input id="entityId" name="entityId" defaultValue={filter.entityId ?? ""} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="from" className={labelClass}>
            {t("audit.filters.from")}
          </label>
          <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="to" className={labelClass}>
            {t("audit.filters.to")}
          </label>
          <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} className={inputClass} />
        </div>
        <div className="flex gap-2 lg:col-span-2">
          <Button type="submit">{t("audit.filters.filter")}</Button>
          <LinkButton href="/admin/audit" variant="secondary">
            {t("audit.filters.reset")}
          </LinkButton>
        </div>
      </form>
      <Card
        title={t("audit.count", { count: formatTotal(result, locale) })}
        action={
          can(actor.role, "audit.export") ? (
            <div className="flex flex-wrap gap-2">
              <a href={`/api/v1/audit-events/export?${withQuery({ format: "csv" })}`} className={exportLink} download>
                {t("audit.export.csv")}
              </a>
              <a href={`/api/v1/audit-events/export?${withQuery({ format: "xlsx" })}`} className={exportLink} download>
                {t("audit.export.xlsx")}
              </a>
            </div>
          ) : undefined
        }
      >
        {can(actor.role, "audit.export") ? (
          <p className="-mt-2 mb-3 text-xs text-slate-600">{t("audit.export.note", { max: formatCount(AUDIT_EXPORT_MAX_ROWS, locale) })}</p>
        ) : null}
        {result.items.length ? (
          <AuditEventTable
            events={result.items}
            t={t}
            locale={locale}
            regionName={regionName}
            actorHref={(actorId) => `/admin/audit?${new URLSearchParams({ ...withoutActor, actorId }).toString()}`}
          />
        ) : (
          <EmptyState>{t("audit.empty")}</EmptyState>
        )}
        <Pagination list={result} locale={locale} basePath="/admin/audit" query={query} t={t} />
      </Card>
    </div>
  );
}
