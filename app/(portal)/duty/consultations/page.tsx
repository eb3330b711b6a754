import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdviceForm } from "./advice-form";
import { BookingStatusBadge } from "@/components/bookings/booking-status-badge";
import { dateWithWeekday } from "@/components/bookings/session-when";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { allows } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { listExpertConsultations, type DaySession } from "@/lib/duty/bookings/queries";
import type { Locale } from "@/lib/i18n/catalog";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("bookings.consultations.title") };
}

/**
 * The expert's consultations (我的约诊): who booked their coming duty days and what about; from a
 * session's day on, a short note of the advice given to each visitor (the station's staff read it).
 */
async function ConsultationsPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getT()]);
  if (!allows(actor, "duty.answer")) notFound();
  const { coming, past } = await listExpertConsultations(actor);
  const today = todayInShanghai();
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t("bookings.consultations.intro")}>{t("bookings.consultations.title")}</PageTitle>
      <section className="space-y-4" aria-labelledby="coming-title">
        <h2 id="coming-title" className="text-lg font-semibold text-slate-900">
          {t("bookings.consultations.coming")}
        </h2>
        {coming.length ? (
          coming.map((s) => <SessionCard key={s.id} session={s} today={today} t={t} locale={locale} />)
        ) : (
          <EmptyState>{t("bookings.consultations.empty")}</EmptyState>
        )}
      </section>
      {past.length ? (
        <section className="space-y-4" aria-labelledby="past-title">
          <h2 id="past-title" className="text-lg font-semibold text-slate-900">
            {t("bookings.consultations.past")}
          </h2>
          {past.map((s) => (
            <SessionCard key={s.id} session={s} today={today} t={t} locale={locale} />
          ))}
        </section>
      ) : null}
    </div>
  );
}

export default withClientMessages(["bookings", "errors"], ConsultationsPage);

function SessionCard({ session, today, t, locale }: { session: DaySession; today: string; t: Translate; locale: Locale }) {
  const onTheDay = session.date <= today;
  return (
    <Card
      title={t("bookings.consultations.at", {
        date: dateWithWeekday(session.date, locale),
        period: t(`rota.period.${session.period}`),
      })}
      action={
        <span className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Badge tone={session.status === "held" ? "success" : session.status === "planned" ? "warning" : "neutral"}>
            {t(`rota.status.${session.status}`)}
          </Badge>
          {t("bookings.today.slots", { booked: session.booked, slots: session.slots })}
        </span>
      }
    >
      <p className="-mt-2 mb-3 text-sm">
        <Link href={`/stations/${session.stationId}`} className="text-brand-700 underline">
          {session.stationName}
        </Link>
      </p>
      {session.bookings.length === 0 ? (
        <p className="text-sm text-slate-600">{t("bookings.consultations.noBookings")}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {session.bookings.map((b) => (
            <li key={b.id} className="py-4 first:pt-0 last:pb-0" data-testid="booking">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-medium break-words text-slate-900">{b.topic}</p>
                  <p className="text-sm text-slate-600">
                    {b.companyName ? `${b.companyName} · ` : ""}
                    {b.contactName}
                  </p>
                </div>
                <BookingStatusBadge status={b.status} t={t} />
              </div>
              {onTheDay && (b.status === "booked" || b.status === "attended") ? (
                <div className="mt-3 max-w-xl">
                  <AdviceForm bookingId={b.id} note={b.adviceNote} />
                </div>
              ) : b.adviceNote ? (
                <p className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm whitespace-pre-wrap text-emerald-900">{b.adviceNote}</p>
              ) : !onTheDay ? (
                <p className="mt-2 text-xs text-slate-500">{t("bookings.consultations.adviceLater")}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
