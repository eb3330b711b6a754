import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BookForm } from "./book-form";
import { dateWithWeekday } from "@/components/bookings/session-when";
import { StationCalendarLink } from "@/components/stations/station-calendar-link";
import { StationContact } from "@/components/stations/station-contact";
import { LinkButton } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { getActor } from "@/lib/auth/current";
import { allows, type Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { listComingSessions, type ComingSession } from "@/lib/duty/bookings/queries";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/catalog";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { joinList } from "@/lib/roster/list-format";
import { referenceNames } from "@/lib/roster/reference-names";
import { getStation } from "@/lib/stations/list-stations";
import type { Station } from "@/lib/stations/station-row";

export const dynamic = "force-dynamic";

// Metadata and the page read the same station once per request; an unknown one is null.
const loadStation = cache(async (id: string): Promise<Station | null> => {
  try {
    return await getStation(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ id }, { t }] = await Promise.all([params, getT()]);
  const station = await loadStation(id);
  return station ? { title: station.name } : { title: t("common.notFound.title"), robots: { index: false } };
}

/** Who may book here: a company member for the company, or this station's own staff. */
type Booker = "company" | "staff" | "otherStation" | "other" | "visitor";

function bookerOf(actor: Actor | null, stationId: string): Booker {
  if (!actor) return "visitor";
  if (!allows(actor, "duty.book")) return "other";
  if (actor.role === "station") return actor.stationId === stationId ? "staff" : "otherStation";
  return actor.enterpriseId ? "company" : "other";
}

/**
 * A station's public page: how to reach it, and its experts' duty days over the next eight weeks
 * with the places left. A company member or the station's staff books a place here; a visitor is
 * asked to sign in first.
 */
async function StationPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, { t, locale }, actor] = await Promise.all([params, getT(), getActor()]);
  const station = await loadStation(id);
  if (!station) notFound();
  const [sessions, names] = await Promise.all([station.closed ? Promise.resolve([]) : listComingSessions(station.id, actor), referenceNames(locale)]);
  const booker = bookerOf(actor, station.id);
  const days = [...new Set(sessions.map((s) => s.date))];
  const note =
    booker === "staff"
      ? t("bookings.station.staffHint")
      : booker === "company"
        ? t("bookings.station.companyHint")
        : booker === "otherStation"
          ? t("bookings.station.otherStation")
          : booker === "other"
            ? t("bookings.station.whoCanBook")
            : null;

  return (
    <div className="space-y-6">
      <p>
        <Link href="/stations" className="text-sm text-brand-700 underline">
          ← {t("bookings.station.back")}
        </Link>
      </p>
      <PageTitle subtitle={names.regionName(station.regionCode)}>{station.name}</PageTitle>
      <Card>
        {station.closed ? (
          <p className="mb-3 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <Badge>{t("stations.directory.closed")}</Badge>
            {t("bookings.station.closed")}
          </p>
        ) : null}
        <StationContact station={station} t={t} />
        {station.closed ? null : (
          <div className="mt-3">
            <StationCalendarLink stationId={station.id} t={t} locale={locale} withHint />
          </div>
        )}
      </Card>
      {station.closed ? null : (
        <Card
          title={t("bookings.station.comingTitle")}
          action={
            booker === "company" || booker === "staff" ? (
              <Link href="/bookings" className="text-sm text-brand-700 underline">
                {t(booker === "staff" ? "bookings.today.viewAll" : "bookings.station.viewMine")}
              </Link>
            ) : null
          }
        >
          <p className="mb-4 text-sm text-slate-600">{t("bookings.station.comingIntro")}</p>
          {note && sessions.length ? <p className="mb-4 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900">{note}</p> : null}
          {booker === "visitor" && sessions.length ? (
            <p className="mb-4">
              <LinkButton href={`/login?callbackUrl=${encodeURIComponent(`/stations/${station.id}`)}`} variant="secondary">
                {t("bookings.station.signInToBook")}
              </LinkButton>
            </p>
          ) : null}
          {sessions.length === 0 ? (
            <EmptyState>{t("bookings.station.empty")}</EmptyState>
          ) : (
            <ol className="space-y-6">
              {days.map((date) => (
                <li key={date}>
                  <h3 className="mb-2 text-base font-semibold text-slate-900">{dateWithWeekday(date, locale)}</h3>
                  <ul className="space-y-3">
                    {sessions
                      .filter((s) => s.date === date)
                      .map((session) => (
                        <SessionItem
                          key={session.id}
                          session={session}
                          booker={booker}
                          contactName={booker === "company" ? (actor?.name ?? "") : ""}
                          specialties={joinList(session.specialties.map(names.specialtyName), locale)}
                          t={t}
                          locale={locale}
                        />
                      ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
        </Card>
      )}
    </div>
  );
}

export default withClientMessages(["bookings", "errors"], StationPage);

/** Whether this booker may take a place of the session now: a company a planned or confirmed one; staff also today's held one. */
function isOpenTo(session: ComingSession, booker: Booker): boolean {
  if (session.free <= 0) return false;
  if (booker === "company") return !session.bookedByMyCompany && (session.status === "planned" || session.status === "confirmed");
  if (booker === "staff") return session.status !== "held" || session.date === todayInShanghai();
  return false;
}

function SessionItem({
  session,
  booker,
  contactName,
  specialties,
  t,
  locale,
}: {
  session: ComingSession;
  booker: Booker;
  contactName: string;
  specialties: string;
  t: Translate;
  locale: Locale;
}) {
  const period = t(`rota.period.${session.period}`);
  const open = isOpenTo(session, booker);
  return (
    <li className="rounded-md border border-slate-200 p-3 sm:p-4" data-testid="duty-session">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-center gap-2">
            <Badge tone="info">{period}</Badge>
            <Link href={`/experts/${session.expertId}`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
              {session.expertName}
            </Link>
            {session.expertTitle ? <span className="text-sm text-slate-600">{session.expertTitle}</span> : null}
          </p>
          {specialties ? <p className="text-sm text-slate-700">{t("bookings.station.specialties", { list: specialties })}</p> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {session.bookedByMyCompany ? <Badge tone="info">{t("bookings.station.bookedByUs")}</Badge> : null}
          {session.status === "planned" ? <Badge tone="warning">{t("bookings.station.awaiting")}</Badge> : null}
          {session.status === "held" ? <Badge tone="info">{t("bookings.station.heldToday")}</Badge> : null}
          {session.free > 0 ? (
            <Badge tone="success">{t("bookings.station.free", { n: session.free })}</Badge>
          ) : (
            <Badge tone="danger">{t("bookings.station.full")}</Badge>
          )}
        </div>
      </div>
      {open ? (
        <details className="mt-3">
          <summary
            className="inline-flex min-h-10 cursor-pointer items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
            aria-label={t("bookings.station.bookFor", { date: dateWithWeekday(session.date, locale), period, name: session.expertName })}
          >
            {t("bookings.station.book")}
          </summary>
          <div className="mt-3 max-w-xl rounded-md bg-slate-50 p-3">
            <BookForm sessionId={session.id} contactName={contactName} />
          </div>
        </details>
      ) : null}
    </li>
  );
}
