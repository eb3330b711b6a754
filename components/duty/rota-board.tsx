import Link from "next/link";
import { Badge, EmptyState } from "@/components/ui/card";
import { mondayOf } from "@/lib/duty/dates";
import type { DutyPeriod, DutySessionStatus } from "@/lib/enums";
import type { ActionResult } from "@/lib/http/server-action";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { CancelSessionForm } from "./cancel-session-form";
import { sessionDay, sessionStatusTone } from "./session-labels";

/** A session as the rota shows it; what only planners read is absent for others. */
export interface BoardSession {
  id: string;
  expertName: string;
  date: string;
  period: DutyPeriod;
  slots: number;
  booked: number;
  status: DutySessionStatus;
  reason?: string | null;
  seriesId?: string | null;
  plannedByName?: string;
}

interface Props {
  sessions: BoardSession[];
  today: string;
  t: Translate;
  locale: Locale;
  /** For planners: cancel a coming session, and plan another expert for a declined one. */
  planner?: { cancel: (form: FormData) => Promise<ActionResult<unknown>>; replanHref: (sessionId: string) => string };
}

/** The rota week by week (weeks from Monday): each session with its expert, slots, status and, for planners, what they can do. */
export function RotaBoard({ sessions, today, t, locale, planner }: Props) {
  if (!sessions.length) return <EmptyState>{t("rota.rota.empty")}</EmptyState>;
  const weeks = new Map<string, BoardSession[]>();
  for (const session of sessions) {
    const monday = mondayOf(session.date);
    weeks.set(monday, [...(weeks.get(monday) ?? []), session]);
  }
  return (
    <div className="space-y-6">
      {[...weeks].map(([monday, list]) => (
        <section key={monday} aria-labelledby={`week-${monday}`}>
          <h3 id={`week-${monday}`} className="mb-2 text-sm font-semibold tracking-wide text-slate-500">
            {t("rota.rota.weekOf", { date: formatDate(monday, locale) })}
          </h3>
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
            {list.map((session) => (
              <SessionRow key={session.id} session={session} today={today} t={t} locale={locale} planner={planner} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function SessionRow({
  session,
  today,
  t,
  locale,
  planner,
}: {
  session: BoardSession;
  today: string;
  t: Translate;
  locale: Locale;
  planner: Props["planner"];
}) {
  const coming = session.date >= today;
  const gone = session.status === "declined" || session.status === "cancelled";
  const period = t(`rota.period.${session.period}`);
  return (
    <li className={`flex flex-col gap-2 p-3 sm:flex-row sm:items-start sm:justify-between ${gone ? "bg-slate-50" : ""}`} data-testid="rota-session">
      <div className="min-w-0 space-y-0.5">
        <p className="text-sm font-medium text-slate-900">
          <span className="mr-2 tabular-nums">{sessionDay(session.date, locale)}</span>
          <span className="text-slate-600">{period}</span>
        </p>
        <p className={`text-base ${gone ? "text-slate-500 line-through decoration-slate-400" : "text-slate-900"}`}>{session.expertName}</p>
        <p className="text-xs text-slate-500">
          {t("rota.rota.slots", { slots: session.slots, booked: session.booked })}
          {session.seriesId ? ` · ${t("rota.rota.series")}` : ""}
          {session.plannedByName ? ` · ${t("rota.rota.plannedBy", { name: session.plannedByName })}` : ""}
        </p>
        {session.reason && session.status === "declined" ? (
          <p className="text-sm break-words text-red-800">{t("rota.rota.declinedReason", { reason: session.reason })}</p>
        ) : null}
        {session.reason && session.status === "cancelled" ? (
          <p className="text-sm break-words text-slate-600">{t("rota.rota.cancelReasonShown", { reason: session.reason })}</p>
        ) : null}
      </div>
      <div className="flex shrink-0 flex-wrap items-center gap-2 sm:flex-col sm:items-end">
        <Badge tone={sessionStatusTone[session.status]}>{t(`rota.status.${session.status}`)}</Badge>
        {planner && coming && session.status === "declined" ? (
          <Link href={planner.replanHref(session.id)} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("rota.rota.replan")}
          </Link>
        ) : null}
        {planner && coming && (session.status === "planned" || session.status === "confirmed") ? (
          <CancelSessionForm
            sessionId={session.id}
            action={planner.cancel}
            question={t("rota.cancel.confirm", { expert: session.expertName, date: session.date, period })}
          />
        ) : null}
      </div>
    </li>
  );
}
