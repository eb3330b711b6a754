import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BookForm } from "@/app/(public)/stations/[id]/book-form";
import { AttendanceForms, MarkHeldForm, RequestFromBookingForm } from "./day-forms";
import { BookingStatusBadge } from "@/components/bookings/booking-status-badge";
import { dateWithWeekday } from "@/components/bookings/session-when";
import { telHref } from "@/components/stations/station-contact";
import { LinkButton } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { allows } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { listDayAtStation, type BookingItem, type DaySession } from "@/lib/duty/bookings/queries";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("bookings.today.title") };
}

/**
 * Station staff on the day (今日坐诊): today's duty sessions at their station and who booked them;
 * mark who came, add a walk-in, turn a consultation into a request in one step, or mark a session
 * of walk-ins only as held.
 */
async function TodayPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getT()]);
  if (!allows(actor, "duty.attend")) notFound();
  const today = todayInShanghai();
  const sessions = await listDayAtStation(actor, today);
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t("bookings.today.intro", { date: dateWithWeekday(today, locale) })}>{t("bookings.today.title")}</PageTitle>
      <p className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <Link href="/bookings" className="text-brand-700 underline">
          {t("bookings.today.viewAll")}
        </Link>
        {actor.stationId ? (
          <Link href={`/stations/${actor.stationId}`} className="text-brand-700 underline">
            {t("bookings.today.viewStation")}
          </Link>
        ) : null}
      </p>
      {sessions.length === 0 ? (
        <EmptyState
          action={
            actor.stationId ? (
              <LinkButton href={`/stations/${actor.stationId}`} variant="secondary">
                {t("bookings.today.viewStation")}
              </LinkButton>
            ) : undefined
          }
        >
          {t("bookings.today.empty")}
        </EmptyState>
      ) : (
        sessions.map((session) => <SessionCard key={session.id} session={session} t={t} />)
      )}
    </div>
  );
}

export default withClientMessages(["bookings", "enums", "errors"], TodayPage);

function SessionCard({ session, t }: { session: DaySession; t: Translate }) {
  const live = session.bookings;
  return (
    <Card
      title={
        <span className="flex flex-wrap items-center gap-2">
          <Badge tone="info">{t(`rota.period.${session.period}`)}</Badge>
          <Link href={`/experts/${session.expertId}`} className="text-brand-700 underline-offset-2 hover:underline">
            {session.expertName}
          </Link>
        </span>
      }
      action={
        <span className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Badge tone={session.status === "held" ? "success" : session.status === "planned" ? "warning" : "neutral"}>
            {t(`rota.status.${session.status}`)}
          </Badge>
          {t("bookings.today.slots", { booked: session.booked, slots: session.slots })}
        </span>
      }
    >
      {live.length ? (
        <ul className="divide-y divide-slate-200">
          {live.map((booking) => (
            <BookingRow key={booking.id} booking={booking} t={t} />
          ))}
        </ul>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-slate-600">{t("bookings.today.noBookings")}</p>
          {session.status !== "held" ? (
            <div className="rounded-md bg-slate-50 p-3">
              <p className="mb-2 text-sm text-slate-600">{t("bookings.today.markHeldHint")}</p>
              <MarkHeldForm sessionId={session.id} />
            </div>
          ) : null}
        </div>
      )}
      {session.booked < session.slots ? (
        <details className="mt-4 border-t border-slate-200 pt-4">
          <summary className="inline-flex min-h-10 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-brand-700 hover:bg-slate-100">
            {t("bookings.today.addWalkIn")}
          </summary>
          <div className="mt-3 max-w-xl rounded-md bg-slate-50 p-3">
            <BookForm sessionId={session.id} submitLabel={t("bookings.today.addWalkIn")} success={t("bookings.today.walkInAdded")} />
          </div>
        </details>
      ) : null}
    </Card>
  );
}

function BookingRow({ booking: b, t }: { booking: BookingItem; t: Translate }) {
  const canFile = !b.requestId && (b.status === "booked" || b.status === "attended");
  return (
    <li className="py-4 first:pt-0 last:pb-0" data-testid="booking">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium break-words text-slate-900">{b.topic}</p>
          <p className="text-sm text-slate-600">
            {b.companyName ? `${b.companyName} · ` : ""}
            {b.contactName} ·{" "}
            <a href={telHref(b.contactPhone)} className="text-brand-700 tabular-nums underline-offset-2 hover:underline">
              {b.contactPhone}
            </a>
          </p>
        </div>
        <BookingStatusBadge status={b.status} t={t} />
      </div>
      {b.adviceNote ? (
        <div className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          <p className="font-medium">{t("bookings.today.advice")}</p>
          <p className="whitespace-pre-wrap">{b.adviceNote}</p>
        </div>
      ) : null}
      <div className="mt-3 flex flex-col gap-3">
        <AttendanceForms
          bookingId={b.id}
          contactName={b.contactName}
          showAttended={b.status === "booked" || b.status === "no_show"}
          showNoShow={!b.requestId && (b.status === "booked" || b.status === "attended")}
        />
        {b.requestId && b.caseNumber ? (
          <p className="text-sm">
            <Link href={`/requests/${b.requestId}`} className="font-mono text-brand-700 underline-offset-2 hover:underline">
              {t("bookings.today.viewRequest", { caseNumber: b.caseNumber })}
            </Link>
          </p>
        ) : null}
        {canFile ? (
          <details>
            <summary className="inline-flex min-h-10 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-brand-700 hover:bg-slate-100">
              {t("bookings.today.toRequest")}
            </summary>
            <div className="mt-3 max-w-xl rounded-md bg-slate-50 p-3">
              <RequestFromBookingForm bookingId={b.id} topic={b.topic} description={[b.topic, b.adviceNote].filter(Boolean).join("\n\n")} />
            </div>
          </details>
        ) : null}
      </div>
    </li>
  );
}
