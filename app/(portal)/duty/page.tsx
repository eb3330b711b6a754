import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmAll } from "@/components/duty/confirm-all";
import { DutyAnswer } from "@/components/duty/duty-answer";
import { sessionDate, sessionStatusTone } from "@/components/duty/session-labels";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/field";
import { requireActor } from "@/lib/auth/current";
import { allows } from "@/lib/authz";
import { listDutySessionsForExpert, type ExpertDutySession } from "@/lib/duty/queries";
import type { Locale } from "@/lib/i18n/catalog";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { confirmAllDutyAction, confirmDutyAction, declineDutyAction } from "./actions";

export const dynamic = "force-dynamic";

const answerActions = { confirm: confirmDutyAction, decline: declineDutyAction };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("rota.duty.title") };
}

/** Where and when: the day, the half-day, the station with its address and phone, the slots. */
function SessionFacts({ session, t, locale }: { session: ExpertDutySession; t: Translate; locale: Locale }) {
  return (
    <div className="min-w-0 space-y-1">
      <p className="text-base font-semibold text-slate-900">
        {sessionDate(session.date, locale)} · {t(`rota.period.${session.period}`)}
      </p>
      <p className="text-slate-900">{session.stationName}</p>
      {session.stationAddress ? <p className="text-sm text-slate-600">{t("rota.duty.address", { address: session.stationAddress })}</p> : null}
      {session.stationPhone ? (
        <p className="text-sm text-slate-600">
          <a href={`tel:${session.stationPhone}`} className="text-brand-700 underline-offset-2 hover:underline">
            {t("rota.duty.phone", { phone: session.stationPhone })}
          </a>
        </p>
      ) : null}
      <p className="text-xs text-slate-500">{t("rota.duty.slots", { slots: session.slots, booked: session.booked })}</p>
      {session.reason && (session.status === "cancelled" || session.status === "declined") ? (
        <p className="text-sm break-words text-slate-600">
          {t(session.status === "cancelled" ? "rota.rota.cancelReasonShown" : "rota.rota.declinedReason", { reason: session.reason })}
        </p>
      ) : null}
    </div>
  );
}

function SessionItem({ session, t, locale, answer }: { session: ExpertDutySession; t: Translate; locale: Locale; answer?: boolean }) {
  return (
    <li className={answer ? "rounded-lg border border-amber-300 bg-white p-4 shadow-sm" : "py-3"} data-testid="duty-session">
      <div className="flex items-start justify-between gap-3">
        <SessionFacts session={session} t={t} locale={locale} />
        <Badge tone={sessionStatusTone[session.status]}>
          {session.status === "planned" ? t("rota.duty.awaiting") : t(`rota.status.${session.status}`)}
        </Badge>
      </div>
      {answer ? (
        <div className="mt-4">
          <DutyAnswer sessionId={session.id} actions={answerActions} />
        </div>
      ) : null}
    </li>
  );
}

/**
 * The expert's duty sessions (坐诊安排): those awaiting an answer first, each confirmed in one tap or
 * declined with a reason; then the coming ones, then the last 30 days'. Made for a phone first.
 */
async function DutySessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [actor, { t, locale }, query] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!allows(actor, "duty.answer")) notFound();
  const { upcoming, recent } = await listDutySessionsForExpert(actor);
  const toAnswer = upcoming.filter((s) => s.status === "planned");
  const coming = upcoming.filter((s) => s.status !== "planned");
  const confirmed = Number(query.confirmed);
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t("rota.duty.subtitle")}>{t("rota.duty.title")}</PageTitle>
      {Number.isInteger(confirmed) && confirmed > 0 && confirmed <= 1000 ? (
        <FormAlert tone="success" message={t("rota.duty.confirmedAll", { n: confirmed })} />
      ) : null}
      {toAnswer.length ? (
        <section aria-labelledby="to-answer" className="space-y-3">
          <h2 id="to-answer" className="text-lg font-semibold text-slate-900">
            {t("rota.duty.toAnswer")} <span className="text-slate-500 tabular-nums">({toAnswer.length})</span>
          </h2>
          {toAnswer.length > 1 ? (
            <ConfirmAll key={toAnswer.map((s) => s.id).join()} sessionIds={toAnswer.map((s) => s.id)} action={confirmAllDutyAction} />
          ) : null}
          <ul className="space-y-3">
            {toAnswer.map((session) => (
              <SessionItem key={session.id} session={session} t={t} locale={locale} answer />
            ))}
          </ul>
        </section>
      ) : null}
      <Card title={t("rota.duty.upcoming")}>
        {coming.length ? (
          <>
            <ul className="divide-y divide-slate-100">
              {coming.map((session) => (
                <SessionItem key={session.id} session={session} t={t} locale={locale} />
              ))}
            </ul>
            <p className="mt-3 text-xs text-slate-500">{t("rota.duty.afterConfirm")}</p>
          </>
        ) : (
          <EmptyState>{t("rota.duty.empty")}</EmptyState>
        )}
      </Card>
      <Card title={t("rota.duty.recent")}>
        {recent.length ? (
          <ul className="divide-y divide-slate-100">
            {recent.map((session) => (
              <SessionItem key={session.id} session={session} t={t} locale={locale} />
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t("rota.duty.emptyRecent")}</p>
        )}
      </Card>
    </div>
  );
}

export default withClientMessages(["errors", "rota"], DutySessionsPage);
