import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CancelBookingForm } from "./cancel-booking-form";
import { BookingStatusBadge } from "@/components/bookings/booking-status-badge";
import { dateWithWeekday } from "@/components/bookings/session-when";
import { telHref } from "@/components/stations/station-contact";
import { LinkButton } from "@/components/ui/button";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { allows } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { listBookingsOfBooker, type BookerBooking } from "@/lib/duty/bookings/queries";
import type { Locale } from "@/lib/i18n/catalog";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("bookings.nav.mine") };
}

/**
 * A company member's bookings, or (station staff) every booking of the station's duty days: the
 * coming ones first, each cancellable while it is booked and its day has not passed.
 */
async function BookingsPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getT()]);
  if (!allows(actor, "duty.book")) notFound();
  const bookings = await listBookingsOfBooker(actor);
  const today = todayInShanghai();
  const coming = bookings.filter((b) => b.date >= today);
  const past = bookings.filter((b) => b.date < today).reverse();
  const isStaff = actor.role === "station";
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t(isStaff ? "bookings.mine.introStation" : "bookings.mine.introCompany")}>
        {t(isStaff ? "bookings.mine.titleStation" : "bookings.mine.titleCompany")}
      </PageTitle>
      {bookings.length === 0 ? (
        <EmptyState
          action={
            <LinkButton href={isStaff && actor.stationId ? `/stations/${actor.stationId}` : "/stations"} variant="secondary">
              {t("bookings.mine.findSessions")}
            </LinkButton>
          }
        >
          {t("bookings.mine.empty")}
        </EmptyState>
      ) : (
        <>
          <Card title={t("bookings.mine.coming")}>
            {coming.length ? (
              <BookingList items={coming} showStation={!isStaff} t={t} locale={locale} />
            ) : (
              <EmptyState
                action={
                  <LinkButton href={isStaff && actor.stationId ? `/stations/${actor.stationId}` : "/stations"} variant="secondary">
                    {t("bookings.mine.findSessions")}
                  </LinkButton>
                }
              >
                {t("bookings.mine.empty")}
              </EmptyState>
            )}
          </Card>
          {past.length ? (
            <Card title={t("bookings.mine.past")}>
              <BookingList items={past} showStation={!isStaff} t={t} locale={locale} />
            </Card>
          ) : null}
        </>
      )}
    </div>
  );
}

export default withClientMessages(["bookings", "errors"], BookingsPage);

function BookingList({ items, showStation, t, locale }: { items: BookerBooking[]; showStation: boolean; t: Translate; locale: Locale }) {
  return (
    <ul className="divide-y divide-slate-200">
      {items.map((b) => {
        const when = { date: dateWithWeekday(b.date, locale), period: t(`rota.period.${b.period}`) };
        return (
          <li key={b.id} className="py-4 first:pt-0 last:pb-0" data-testid="booking">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="font-semibold text-slate-900">
                  {when.date} · {when.period}
                </p>
                <p className="text-sm text-slate-600">
                  {showStation ? (
                    <>
                      <Link href={`/stations/${b.stationId}`} className="text-brand-700 underline-offset-2 hover:underline">
                        {b.stationName}
                      </Link>
                      {" · "}
                    </>
                  ) : null}
                  {t("bookings.mine.with", { name: b.expertName })}
                </p>
              </div>
              <BookingStatusBadge status={b.status} t={t} />
            </div>
            <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-500">{t("bookings.mine.topic")}</dt>
              <dd className="break-words text-slate-800">{b.topic}</dd>
              <dt className="text-slate-500">{t("bookings.mine.contact")}</dt>
              <dd className="text-slate-800">
                {b.companyName ? `${b.companyName} · ` : ""}
                {b.contactName} ·{" "}
                <a href={telHref(b.contactPhone)} className="text-brand-700 tabular-nums underline-offset-2 hover:underline">
                  {b.contactPhone}
                </a>
              </dd>
              {b.requestId && b.caseNumber ? (
                <>
                  <dt className="text-slate-500">{t("bookings.mine.request")}</dt>
                  <dd>
                    <Link href={`/requests/${b.requestId}`} className="font-mono text-brand-700 underline-offset-2 hover:underline">
                      {b.caseNumber}
                    </Link>
                  </dd>
                </>
              ) : null}
            </dl>
            {b.canCancel ? (
              <div className="mt-3">
                <CancelBookingForm bookingId={b.id} question={t("bookings.mine.cancelConfirm", when)} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
