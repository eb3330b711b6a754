import { deadlineKinds, type DeadlineKind } from "@/lib/enums";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDate, formatDateTime, formatDecimal } from "@/lib/i18n/format";
import type { MessageKey } from "@/lib/i18n/keys";
import { hasMessage, type Translate } from "@/lib/i18n/translate";
import type { RequestDetail } from "@/lib/requests/queries";
import type { Reclassified } from "@/lib/requests/reclassify-request";

const isDeadlineKind = (value: unknown): value is DeadlineKind => (deadlineKinds as readonly unknown[]).includes(value);

/** "request.triage" -> its label; unknown kinds of entry get a neutral one. */
export function eventLabel(t: Translate, locale: Locale, type: string): string {
  const key = `requests.events.${type}`;
  return hasMessage(locale, key) ? t(key as MessageKey) : t("requests.events.other");
}

function actorLabel(t: Translate, role: string, data: Record<string, unknown> | null): string {
  if (role === "system" || data?.automatic === true) return t("requests.events.automatic");
  return role === "enterprise" || role === "expert" || role === "station" || role === "admin" ? t(`common.roles.${role}`) : role;
}

/** The admin's correction of category and specialties made while triaging (stored with the decision's event), as lines to read. */
export function reclassifiedLines(t: Translate, locale: Locale, data: Record<string, unknown> | null): string[] {
  const r = data?.reclassified as Reclassified | undefined;
  if (!r?.before || !r.after) return [];
  const category = (c: string) => {
    const key = `enums.requestCategory.${c}`;
    return hasMessage(locale, key) ? t(key as MessageKey) : c;
  };
  const names = (codes: string[]) =>
    codes.length
      ? codes.map((c) => (locale === "en" ? r.specialtyNames?.[c]?.en : r.specialtyNames?.[c]?.zh) ?? c).join(locale === "en" ? ", " : "、")
      : t("requests.detail.noSpecialties");
  const lines: string[] = [];
  if (r.before.category !== r.after.category)
    lines.push(t("requests.detail.reclassifiedCategory", { before: category(r.before.category), after: category(r.after.category) }));
  if (r.before.specialties.join(",") !== r.after.specialties.join(","))
    lines.push(t("requests.detail.reclassifiedSpecialties", { before: names(r.before.specialties), after: names(r.after.specialties) }));
  return lines;
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
          {event.type === "request.deadline_breached" && isDeadlineKind(event.data?.kind) ? (
            <p className="mt-1 text-sm text-slate-700">{t("requests.detail.deadlineStep", { step: t(`enums.deadlineKind.${event.data.kind}`) })}</p>
          ) : null}
          {event.type === "request.hours_recorded" && typeof event.data?.minutes === "number" && typeof event.data.workedOn === "string" ? (
            <p className="mt-1 text-sm text-slate-700">
              {formatDate(event.data.workedOn, locale)} ·{" "}
              {t("dutyFigures.caseHours.hoursValue", { hours: formatDecimal(event.data.minutes / 60, locale, 2) })}
            </p>
          ) : null}
          {reclassifiedLines(t, locale, event.data).map((line) => (
            <p key={line} className="mt-1 text-sm text-slate-700">
              {line}
            </p>
          ))}
          {event.reason ? <p className="mt-1 rounded bg-slate-50 px-2 py-1 text-sm whitespace-pre-wrap text-slate-700">{event.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
