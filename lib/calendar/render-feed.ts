import { and, asc, eq, gte, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { companyVisits, deadlines, dutySessions, enterprises, experts, requests, stations, users } from "@/db/schema";
import { currentTime, todayInShanghai } from "@/lib/clock";
import { dutyPeriodTimes } from "@/lib/duty/periods";
import { LIVE_SESSION_STATUSES } from "@/lib/duty/bookings/load";
import type { DutyPeriod } from "@/lib/enums";
import { siteUrl } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/locales";
import { translator, type Translate } from "@/lib/i18n/translate";
import { addDays } from "@/lib/roster/term";
import { uuidParam } from "@/lib/validation";
import { feedByToken } from "./feeds";
import { renderCalendar, type IcsEvent } from "./ics";

/** How far back a private feed reaches: a season of past sessions and visits stays in the calendar. */
const PAST_DAYS = 90;
const MAX_ITEMS = 1000;
/** The end of every UID: stable for an item whatever address the site is reached at. */
const UID_DOMAIN = "legal-counsel-roster";

const uid = (kind: string, id: string) => `${kind}-${id}@${UID_DOMAIN}`;

function sessionTimes(date: string, period: DutyPeriod): Pick<IcsEvent, "start" | "end"> {
  const { start, end } = dutyPeriodTimes[period];
  return { start: { date, time: start }, end: { date, time: end } };
}

const periodLine = (t: Translate, period: DutyPeriod) =>
  t("calendar.feed.periodLine", {
    period: t(`rota.period.${period}`),
    start: dutyPeriodTimes[period].start,
    end: dutyPeriodTimes[period].end,
  });

const lines = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join("\n");
const place = (station: { name: string; address: string | null }) => (station.address ? `${station.name}, ${station.address}` : station.name);

/** An expert's feed: their live duty sessions, their visits to companies, and the case deadlines they owe. */
async function expertEvents(t: Translate, expertId: string): Promise<IcsEvent[]> {
  const since = addDays(todayInShanghai(), -PAST_DAYS);
  const [sessions, visits, owed] = await Promise.all([
    db
      .select({
        id: dutySessions.id,
        date: dutySessions.date,
        period: dutySessions.period,
        status: dutySessions.status,
        slots: dutySessions.slots,
        booked: dutySessions.booked,
        updatedAt: dutySessions.updatedAt,
        stationName: stations.name,
        address: stations.address,
      })
      .from(dutySessions)
      .innerJoin(stations, eq(stations.id, dutySessions.stationId))
      .where(and(eq(dutySessions.expertId, expertId), inArray(dutySessions.status, [...LIVE_SESSION_STATUSES]), gte(dutySessions.date, since)))
      .orderBy(asc(dutySessions.date), asc(dutySessions.id))
      .limit(MAX_ITEMS),
    db
      .select({
        id: companyVisits.id,
        visitOn: companyVisits.visitOn,
        purpose: companyVisits.purpose,
        status: companyVisits.status,
        updatedAt: companyVisits.updatedAt,
        company: enterprises.name,
      })
      .from(companyVisits)
      .innerJoin(enterprises, eq(enterprises.id, companyVisits.enterpriseId))
      .where(
        and(
          eq(companyVisits.expertId, expertId),
          inArray(companyVisits.status, ["proposed", "confirmed", "done"]),
          gte(companyVisits.visitOn, since),
        ),
      )
      .orderBy(asc(companyVisits.visitOn), asc(companyVisits.id))
      .limit(MAX_ITEMS),
    db
      .select({ id: deadlines.id, kind: deadlines.kind, dueAt: deadlines.dueAt, requestId: requests.id, caseNumber: requests.caseNumber })
      .from(deadlines)
      .innerJoin(requests, eq(requests.id, deadlines.requestId))
      .where(and(eq(deadlines.owedByExpertId, expertId), eq(deadlines.owedByRole, "expert"), isNull(deadlines.doneAt)))
      .orderBy(asc(deadlines.dueAt), asc(deadlines.id))
      .limit(MAX_ITEMS),
  ]);
  return [
    ...sessions.map(
      (s): IcsEvent => ({
        uid: uid("duty-session", s.id),
        ...sessionTimes(s.date, s.period),
        summary: t("calendar.feed.session", { station: s.stationName }) + (s.status === "planned" ? t("calendar.feed.toConfirm") : ""),
        description: lines(periodLine(t, s.period), t("calendar.feed.slotsLine", { slots: s.slots, booked: s.booked })),
        location: place({ name: s.stationName, address: s.address }),
        status: s.status === "planned" ? "TENTATIVE" : "CONFIRMED",
        lastModified: s.updatedAt,
      }),
    ),
    ...visits.map(
      (v): IcsEvent => ({
        uid: uid("company-visit", v.id),
        start: { date: v.visitOn },
        summary: t("calendar.feed.visit", { company: v.company }) + (v.status === "proposed" ? t("calendar.feed.awaitingCompany") : ""),
        description: t("calendar.feed.purposeLine", { purpose: v.purpose }),
        status: v.status === "proposed" ? "TENTATIVE" : "CONFIRMED",
        url: `${siteUrl()}/visits/${v.id}`,
        lastModified: v.updatedAt,
      }),
    ),
    ...owed.map(
      (d): IcsEvent => ({
        uid: uid("deadline", d.id),
        start: { at: d.dueAt },
        summary: t("calendar.feed.deadline", { step: t(`enums.deadlineKind.${d.kind}`), caseNumber: d.caseNumber }),
        // An offer is answered from the offers page; every other step on the case's own page.
        url: d.kind === "offer" ? `${siteUrl()}/offers` : `${siteUrl()}/requests/${d.requestId}`,
      }),
    ),
  ];
}

/** A station's feed for its staff: its live sessions, each with the expert and the bookings. */
async function stationEvents(t: Translate, station: { id: string; name: string; address: string | null }): Promise<IcsEvent[]> {
  const since = addDays(todayInShanghai(), -PAST_DAYS);
  const sessions = await db
    .select({
      id: dutySessions.id,
      date: dutySessions.date,
      period: dutySessions.period,
      status: dutySessions.status,
      slots: dutySessions.slots,
      booked: dutySessions.booked,
      updatedAt: dutySessions.updatedAt,
      expertName: experts.name,
    })
    .from(dutySessions)
    .innerJoin(experts, eq(experts.id, dutySessions.expertId))
    .where(and(eq(dutySessions.stationId, station.id), inArray(dutySessions.status, [...LIVE_SESSION_STATUSES]), gte(dutySessions.date, since)))
    .orderBy(asc(dutySessions.date), asc(dutySessions.id))
    .limit(MAX_ITEMS);
  return sessions.map(
    (s): IcsEvent => ({
      uid: uid("duty-session", s.id),
      ...sessionTimes(s.date, s.period),
      summary:
        t("calendar.feed.sessionAtStation", { expert: s.expertName, booked: s.booked, slots: s.slots }) +
        (s.status === "planned" ? t("calendar.feed.toConfirm") : ""),
      description: lines(
        periodLine(t, s.period),
        t("calendar.feed.expertLine", { expert: s.expertName }),
        t("calendar.feed.slotsLine", { slots: s.slots, booked: s.booked }),
      ),
      location: place(station),
      status: s.status === "planned" ? "TENTATIVE" : "CONFIRMED",
      lastModified: s.updatedAt,
    }),
  );
}

/**
 * The private feed a token opens (`…/calendar/{token}.ics`): an expert's or a station's, in the
 * expert's language (a station's in Chinese). 404 for a malformed or unknown token, a disabled
 * expert's account, or a feed whose owner is gone.
 */
export async function privateFeed(file: string): Promise<string> {
  const token = file.endsWith(".ics") ? file.slice(0, -".ics".length) : null;
  const feed = token ? await feedByToken(token) : null;
  if (!feed) throw notFound();
  const now = currentTime();
  if (feed.userId) {
    const [expert] = await db
      .select({ id: experts.id, name: experts.name, locale: users.locale })
      .from(experts)
      .innerJoin(users, eq(users.id, experts.userId))
      .where(and(eq(experts.userId, feed.userId), isNull(users.disabledAt)));
    if (!expert) throw notFound();
    const t = translator(isLocale(expert.locale) ? expert.locale : defaultLocale);
    return renderCalendar({ name: t("calendar.feed.expertName", { name: expert.name }), events: await expertEvents(t, expert.id), now });
  }
  const [station] = await db
    .select({ id: stations.id, name: stations.name, address: stations.address })
    .from(stations)
    .where(eq(stations.id, feed.stationId!));
  if (!station) throw notFound();
  const t = translator(defaultLocale);
  return renderCalendar({ name: t("calendar.feed.stationName", { station: station.name }), events: await stationEvents(t, station), now });
}

/**
 * Anyone: a station's coming duty sessions (today on; planned and confirmed), each with the
 * expert, the period and the free slots: no bookings, no callers. 404 for an unknown station.
 */
export async function publicStationFeed(stationId: string, locale: Locale): Promise<string> {
  if (!uuidParam.safeParse(stationId).success) throw notFound();
  const [station] = await db
    .select({ id: stations.id, name: stations.name, address: stations.address, phone: stations.phone })
    .from(stations)
    .where(eq(stations.id, stationId));
  if (!station) throw notFound();
  const t = translator(locale);
  const sessions = await db
    .select({
      id: dutySessions.id,
      date: dutySessions.date,
      period: dutySessions.period,
      status: dutySessions.status,
      slots: dutySessions.slots,
      booked: dutySessions.booked,
      updatedAt: dutySessions.updatedAt,
      expertName: experts.name,
    })
    .from(dutySessions)
    .innerJoin(experts, eq(experts.id, dutySessions.expertId))
    .where(
      and(eq(dutySessions.stationId, station.id), inArray(dutySessions.status, ["planned", "confirmed"]), gte(dutySessions.date, todayInShanghai())),
    )
    .orderBy(asc(dutySessions.date), asc(dutySessions.id))
    .limit(MAX_ITEMS);
  const page = `${siteUrl()}/stations/${station.id}`;
  const events = sessions.map((s): IcsEvent => {
    const free = Math.max(0, s.slots - s.booked);
    return {
      uid: uid("duty-session", s.id),
      ...sessionTimes(s.date, s.period),
      summary:
        free > 0 ? t("calendar.feed.publicSession", { expert: s.expertName, free }) : t("calendar.feed.publicSessionFull", { expert: s.expertName }),
      description: lines(
        periodLine(t, s.period),
        station.phone && t("calendar.feed.phoneLine", { phone: station.phone }),
        t("calendar.feed.bookLine", { url: page }),
      ),
      location: place(station),
      status: s.status === "planned" ? "TENTATIVE" : "CONFIRMED",
      url: page,
      lastModified: s.updatedAt,
    };
  });
  return renderCalendar({ name: t("calendar.feed.publicName", { station: station.name }), events, now: currentTime() });
}
