import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";
import type { AuditEventRow } from "@/lib/audit/queries";
import { actorRoleLabel, compactData, entityTypeLabel, eventTypeLabel } from "@/lib/audit/labels";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

/** Where an event's record has a page of its own: a request (and what hangs on it), an expert, an application. */
function entityHref(event: AuditEventRow): string | null {
  if (event.entityType === "expert") return `/admin/experts/${event.entityId}`;
  if (event.entityType === "application") return `/admin/applications/${event.entityId}`;
  if (event.requestId) return `/requests/${event.requestId}`;
  return null;
}

type Props = { events: AuditEventRow[]; t: Translate; locale: Locale; regionName: (code: string) => string; actorHref: (actorId: string) => string };

function Actor({ event, t, locale, actorHref }: Omit<Props, "events" | "regionName"> & { event: AuditEventRow }) {
  return (
    <span className="space-y-0.5">
      <span className="block">
        {event.actorId ? (
          <Link href={actorHref(event.actorId)} title={t("audit.byActor")} className="text-brand-700 underline-offset-2 hover:underline">
            {event.actorName ?? event.actorId}
          </Link>
        ) : (
          t("audit.system")
        )}
      </span>
      <span className="block text-xs text-slate-600">{actorRoleLabel(event.actorRole, locale)}</span>
      {event.tokenId ? (
        <span className="block">
          <Badge tone="info">{t("audit.viaToken")}</Badge>
          {event.issuerName ? <span className="ml-1 text-xs text-slate-600">{t("audit.issuedBy", { name: event.issuerName })}</span> : null}
        </span>
      ) : null}
    </span>
  );
}

function Entity({ event, locale }: { event: AuditEventRow; locale: Locale }) {
  const href = entityHref(event);
  const name = event.entityName ?? `${event.entityId.slice(0, 8)}${event.entityId.length > 8 ? "…" : ""}`;
  return (
    <span className="space-y-0.5">
      <span className="block text-xs text-slate-600">{entityTypeLabel(event.entityType, locale)}</span>
      <span className="block break-all" title={event.entityId}>
        {href ? (
          <Link href={href} className="text-brand-700 underline-offset-2 hover:underline">
            {name}
          </Link>
        ) : (
          name
        )}
      </span>
    </span>
  );
}

function Details({ event }: { event: AuditEventRow }) {
  const data = compactData(event.data);
  return (
    <span className="space-y-0.5">
      {event.reason ? <span className="block text-slate-800">{event.reason}</span> : null}
      {data ? (
        <span className="block font-mono text-xs break-all text-slate-600" title={JSON.stringify(event.data)}>
          {data}
        </span>
      ) : null}
    </span>
  );
}

/** The audit trail's rows: when, what (in words, with its code), who (and through which token), on what, why. */
export function AuditEventTable({ events, t, locale, regionName, actorHref }: Props) {
  const region = (event: AuditEventRow) => (event.regionCode ? regionName(event.regionCode) : t("audit.zoneWide"));
  return (
    <>
      <ul className="divide-y divide-slate-200 md:hidden" data-testid="audit-events">
        {events.map((event) => (
          <li key={event.id} className="space-y-1 py-3 text-sm">
            <p className="font-medium" title={event.type}>
              {eventTypeLabel(event.type, locale)}
            </p>
            <p className="text-xs text-slate-600">
              {formatDateTime(event.at, locale)} · {region(event)}
            </p>
            <div className="grid grid-cols-2 gap-2">
              <Actor event={event} t={t} locale={locale} actorHref={actorHref} />
              <Entity event={event} locale={locale} />
            </div>
            <Details event={event} />
          </li>
        ))}
      </ul>
      <table className="hidden w-full text-left text-sm md:table">
        <TableHead
          columns={[t("audit.columns.at"), t("audit.columns.event"), t("audit.columns.actor"), t("audit.columns.entity"), t("audit.columns.data")]}
        />
        <tbody className="divide-y divide-slate-100 align-top">
          {events.map((event) => (
            <tr key={event.id}>
              <td className="py-2 pr-3 whitespace-nowrap">
                {formatDateTime(event.at, locale)}
                <span className="block text-xs text-slate-600">{region(event)}</span>
              </td>
              <td className="py-2 pr-3">
                <span className="block font-medium">{eventTypeLabel(event.type, locale)}</span>
                <code className="text-xs text-slate-500">{event.type}</code>
              </td>
              <td className="py-2 pr-3">
                <Actor event={event} t={t} locale={locale} actorHref={actorHref} />
              </td>
              <td className="max-w-56 py-2 pr-3">
                <Entity event={event} locale={locale} />
              </td>
              <td className="max-w-md py-2">
                <Details event={event} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
