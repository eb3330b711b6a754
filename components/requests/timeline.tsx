import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { MessageKey } from "@/lib/i18n/keys";
import { hasMessage, type Translate } from "@/lib/i18n/translate";
import type { RequestDetail } from "@/lib/requests/queries";

/** "request.triage" -> its label; unknown kinds of entry get a neutral one. */
export function eventLabel(t: Translate, locale: Locale, type: string): string {
  const key = `requests.events.${type}`;
  return hasMessage(locale, key) ? t(key as MessageKey) : t("requests.events.other");
}

function actorLabel(t: Translate, role: string, data: Record<string, unknown> | null): string {
  if (role === "system" || data?.automatic === true) return t("requests.events.automatic");
  return role === "enterprise" || role === "expert" || role === "station" || role === "admin" ? t(`common.roles.${role}`) : role;
}

/** The request's history: what happened, who did it (by role), when, and why. */
export function Timeline({ events, t, locale }: { events: RequestDetail["events"]; t: Translate; locale: Locale }) {
  if (!events.length) return <p className="text-sm text-slate-600">{t("requests.detail.timelineEmpty")}</p>;
  return (
    <ol className="relative space-y-4 border-l-2 border-slate-200 pl-5">
      {events.map((event, index) => (
        <li key={`${event.type}-${index}`} className="relative">
          <span aria-hidden className="absolute top-1.5 -left-[27px] h-3 w-3 rounded-full border-2 border-white bg-brand-600" />
          <p className="text-sm font-medium text-slate-900">{eventLabel(t, locale, event.type)}</p>
          <p className="text-xs text-slate-500">
            {actorLabel(t, event.actorRole, event.data)} · <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at, locale)}</time>
          </p>
          {event.reason ? <p className="mt-1 rounded bg-slate-50 px-2 py-1 text-sm whitespace-pre-wrap text-slate-700">{event.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
