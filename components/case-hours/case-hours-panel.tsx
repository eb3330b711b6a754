import { Card } from "@/components/ui/card";
import { can, type Actor } from "@/lib/authz";
import { listCaseHours } from "@/lib/case-hours/queries";
import { isOpenForHours } from "@/lib/case-hours/record-case-hours";
import { todayInShanghai } from "@/lib/clock";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDate, formatDecimal } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { RequestDetail } from "@/lib/requests/queries";
import type { ActionResult } from "@/lib/http/server-action";
import { CaseHoursForm } from "./case-hours-form";

/** Minutes as hours for reading: 90 -> "1.5". */
export const hoursOf = (minutes: number, locale: Locale) => formatDecimal(minutes / 60, locale, 2);

/**
 * The hours worked on a case, with their total, for the expert holding it (who records them here
 * while the case is open) and the admins of its district; nothing for anyone else.
 */
export async function CaseHoursPanel({
  request,
  actor,
  t,
  locale,
  action,
}: {
  request: RequestDetail;
  actor: Actor;
  t: Translate;
  locale: Locale;
  action: (form: FormData) => Promise<ActionResult<unknown>>;
}) {
  const hours = await listCaseHours(actor, request.id);
  if (!hours) return null;
  const mayRecord =
    can(actor.role, "caseHours.write") && actor.expertId !== null && actor.expertId === request.assignedExpertId && isOpenForHours(request.status);
  if (!hours.entries.length && !mayRecord) return null;
  const showExpert = new Set(hours.entries.map((e) => e.expertName)).size > 1 || actor.role === "admin";
  return (
    <Card
      id="hours"
      title={t("dutyFigures.caseHours.title")}
      action={
        hours.entries.length ? (
          <span className="text-sm font-semibold text-slate-900 tabular-nums" data-testid="case-hours-total">
            {t("dutyFigures.caseHours.total", { hours: hoursOf(hours.totalMinutes, locale) })}
          </span>
        ) : null
      }
    >
      <div className="space-y-4">
        {hours.entries.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {hours.entries.map((e) => (
              <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-2">
                <span className="text-slate-700">
                  {formatDate(e.workedOn, locale)}
                  {showExpert ? <span className="text-slate-500"> · {e.expertName}</span> : null}
                </span>
                <span className="font-medium text-slate-900 tabular-nums">
                  {t("dutyFigures.caseHours.hoursValue", { hours: hoursOf(e.minutes, locale) })}
                </span>
                {e.note ? <p className="w-full whitespace-pre-wrap text-slate-600">{e.note}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("dutyFigures.caseHours.empty")}</p>
        )}
        {mayRecord ? (
          <>
            <p className="text-sm text-slate-600">{t("dutyFigures.caseHours.hint")}</p>
            <CaseHoursForm action={action} requestId={request.id} today={todayInShanghai()} />
          </>
        ) : request.status === "closed" && hours.entries.length ? (
          <p className="text-sm text-slate-600">{t("dutyFigures.caseHours.closed")}</p>
        ) : null}
      </div>
    </Card>
  );
}
