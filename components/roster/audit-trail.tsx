import type { Locale } from "@/lib/i18n/catalog";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { hasMessage, type Translate } from "@/lib/i18n/translate";

interface AuditEvent {
  id: number;
  type: string;
  at: Date;
  reason: string | null;
  data: unknown;
  actorRole: string;
  actorName: string | null;
}

/** An event in words, filled from its data ("确认审核项：执业证号已核实", "聘任，聘期 … 至 …"). */
function describe(event: AuditEvent, t: Translate, locale: Locale): string {
  const key = `roster.audit.${event.type.replace(/\./g, "_")}`;
  if (!hasMessage(locale, key)) return event.type;
  const data = (event.data ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const item = `roster.checks.${text(data.item)}`;
  const grade = (v: unknown) => {
    const gradeKey = `appraisals.grades.${text(v)}`;
    return hasMessage(locale, gradeKey) ? t(gradeKey) : text(v);
  };
  const label = t(key, {
    item: hasMessage(locale, item) ? t(item) : text(data.item),
    company: text(data.companyName),
    year: typeof data.year === "number" ? data.year : "",
    grade: data.previousGrade ? `${grade(data.previousGrade)} → ${grade(data.grade)}` : grade(data.grade),
  });
  // Appointments, renewals and imports carry their term.
  if (!data.termStart || !data.termEnd) return label;
  return `${label} · ${t("roster.profile.termValue", { start: formatDate(text(data.termStart), locale), end: formatDate(text(data.termEnd), locale) })}`;
}

/** Who did what to an expert's record, when and why, newest first. */
export function AuditTrail({ events, t, locale }: { events: AuditEvent[]; t: Translate; locale: Locale }) {
  return (
    <ol className="space-y-3" data-testid="audit-trail">
      {events.map((event) => (
        <li key={event.id} className="border-l-2 border-brand-100 pl-3">
          <p className="font-medium">{describe(event, t, locale)}</p>
          <p className="text-xs text-slate-600">
            {event.actorName ?? t("roster.admin.expert.system")} · {formatDateTime(event.at, locale)}
          </p>
          {event.reason ? <p className="text-sm text-slate-700">{event.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
