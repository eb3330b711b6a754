import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from "drizzle-orm";
import { db } from "@/db";
import { dutyBookings, dutySessions, enterprises, experts, expertSpecialties, requests, stations } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import type { BookingStatus, DutyPeriod, DutySessionStatus } from "@/lib/enums";
import { addDays } from "@/lib/roster/term";
import { uuidParam } from "@/lib/validation";
import { LIVE_SESSION_STATUSES } from "./load";

/** How far ahead the station's page lists sessions: eight weeks. */
export const COMING_DAYS = 56;
/** How far back the lists of bookings and consultations reach. */
export const PAST_DAYS = 30;

/** Morning, afternoon, then the whole day: the order of one date's sessions. */
const periodOrder = sql`case ${dutySessions.period} when 'am' then 0 when 'pm' then 1 else 2 end`;

export interface ComingSession {
  id: string;
  date: string;
  period: DutyPeriod;
  status: DutySessionStatus;
  slots: number;
  booked: number;
  free: number;
  expertId: string;
  expertName: string;
  expertTitle: string;
  /** Specialty codes. */
  specialties: string[];
  /** Whether the company of the company member asking holds a live booking on it already. */
  bookedByMyCompany: boolean;
}

/**
 * Anyone. A station's live sessions from today through the next eight weeks (those still awaiting
 * the expert's confirmation included, flagged by their status), with the expert and free slots;
 * for a company member, whether their company has booked each already.
 */
export async function listComingSessions(stationId: string, viewer: Actor | null = null): Promise<ComingSession[]> {
  if (!uuidParam.safeParse(stationId).success) return [];
  const today = todayInShanghai();
  const rows = await db
    .select({
      id: dutySessions.id,
      date: dutySessions.date,
      period: dutySessions.period,
      status: dutySessions.status,
      slots: dutySessions.slots,
      booked: dutySessions.booked,
      expertId: experts.id,
      expertName: experts.name,
      expertTitle: experts.title,
    })
    .from(dutySessions)
    .innerJoin(experts, eq(experts.id, dutySessions.expertId))
    .where(
      and(
        eq(dutySessions.stationId, stationId),
        inArray(dutySessions.status, [...LIVE_SESSION_STATUSES]),
        gte(dutySessions.date, today),
        lte(dutySessions.date, addDays(today, COMING_DAYS - 1)),
      ),
    )
    .orderBy(asc(dutySessions.date), periodOrder, asc(dutySessions.id));
  const specialties = await specialtiesOf(rows.map((r) => r.expertId));
  const booked = new Set<string>();
  if (viewer?.role === "enterprise" && viewer.enterpriseId && rows.length) {
    const mine = await db
      .select({ sessionId: dutyBookings.sessionId })
      .from(dutyBookings)
      .where(
        and(
          inArray(
            dutyBookings.sessionId,
            rows.map((r) => r.id),
          ),
          eq(dutyBookings.enterpriseId, viewer.enterpriseId),
          ne(dutyBookings.status, "cancelled"),
        ),
      );
    for (const row of mine) booked.add(row.sessionId);
  }
  return rows.map((r) => ({
    ...r,
    free: Math.max(0, r.slots - r.booked),
    specialties: specialties.get(r.expertId) ?? [],
    bookedByMyCompany: booked.has(r.id),
  }));
}

async function specialtiesOf(expertIds: string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(expertIds)];
  const byExpert = new Map<string, string[]>();
  if (!ids.length) return byExpert;
  const rows = await db
    .select({ expertId: expertSpecialties.expertId, code: expertSpecialties.specialtyCode })
    .from(expertSpecialties)
    .where(inArray(expertSpecialties.expertId, ids))
    .orderBy(asc(expertSpecialties.specialtyCode));
  for (const row of rows) byExpert.set(row.expertId, [...(byExpert.get(row.expertId) ?? []), row.code]);
  return byExpert;
}

const bookingColumns = {
  id: dutyBookings.id,
  sessionId: dutyBookings.sessionId,
  topic: dutyBookings.topic,
  contactName: dutyBookings.contactName,
  contactPhone: dutyBookings.contactPhone,
  status: dutyBookings.status,
  adviceNote: dutyBookings.adviceNote,
  requestId: dutyBookings.requestId,
  caseNumber: requests.caseNumber,
  companyName: enterprises.name,
  createdAt: dutyBookings.createdAt,
};

export interface BookingItem {
  id: string;
  sessionId: string;
  topic: string;
  contactName: string;
  contactPhone: string;
  status: BookingStatus;
  adviceNote: string | null;
  requestId: string | null;
  caseNumber: string | null;
  /** The company, when a company member booked. */
  companyName: string | null;
  createdAt: Date;
}

export interface BookerBooking extends BookingItem {
  date: string;
  period: DutyPeriod;
  sessionStatus: DutySessionStatus;
  stationId: string;
  stationName: string;
  expertId: string;
  expertName: string;
  /** Whether this caller may cancel it now (booked, and the day not past). */
  canCancel: boolean;
}

/**
 * A company member: the bookings they made; station staff: every booking on their station's
 * sessions. The coming ones and those of the last 30 days, the soonest first; cancelled ones too.
 */
export async function listBookingsOfBooker(actor: Actor): Promise<BookerBooking[]> {
  const who = requirePermission(actor, "duty.book");
  const today = todayInShanghai();
  const mine =
    who.role === "station" ? (who.stationId ? eq(dutySessions.stationId, who.stationId) : sql`false`) : eq(dutyBookings.bookedBy, who.userId);
  const rows = await db
    .select({
      ...bookingColumns,
      date: dutySessions.date,
      period: dutySessions.period,
      sessionStatus: dutySessions.status,
      stationId: stations.id,
      stationName: stations.name,
      expertId: experts.id,
      expertName: experts.name,
    })
    .from(dutyBookings)
    .innerJoin(dutySessions, eq(dutySessions.id, dutyBookings.sessionId))
    .innerJoin(stations, eq(stations.id, dutySessions.stationId))
    .innerJoin(experts, eq(experts.id, dutySessions.expertId))
    .leftJoin(requests, eq(requests.id, dutyBookings.requestId))
    .leftJoin(enterprises, eq(enterprises.id, dutyBookings.enterpriseId))
    .where(and(mine, gte(dutySessions.date, addDays(today, -PAST_DAYS))))
    .orderBy(asc(dutySessions.date), periodOrder, asc(dutyBookings.createdAt))
    .limit(500);
  return rows.map((r) => ({ ...r, canCancel: r.status === "booked" && r.date >= today }));
}

export interface DaySession {
  id: string;
  date: string;
  period: DutyPeriod;
  status: DutySessionStatus;
  slots: number;
  booked: number;
  stationId: string;
  stationName: string;
  expertId: string;
  expertName: string;
  /** Live bookings first by time booked; cancelled ones are left out. */
  bookings: BookingItem[];
}

/** The sessions matching `where` with their bookings that are not cancelled. */
async function sessionsWithBookings(where: ReturnType<typeof and>, order: "asc" | "desc"): Promise<DaySession[]> {
  const sessions = await db
    .select({
      id: dutySessions.id,
      date: dutySessions.date,
      period: dutySessions.period,
      status: dutySessions.status,
      slots: dutySessions.slots,
      booked: dutySessions.booked,
      stationId: stations.id,
      stationName: stations.name,
      expertId: experts.id,
      expertName: experts.name,
    })
    .from(dutySessions)
    .innerJoin(stations, eq(stations.id, dutySessions.stationId))
    .innerJoin(experts, eq(experts.id, dutySessions.expertId))
    .where(where)
    .orderBy(order === "asc" ? asc(dutySessions.date) : desc(dutySessions.date), periodOrder, asc(dutySessions.id))
    .limit(200);
  if (!sessions.length) return [];
  const bookings = await db
    .select(bookingColumns)
    .from(dutyBookings)
    .leftJoin(requests, eq(requests.id, dutyBookings.requestId))
    .leftJoin(enterprises, eq(enterprises.id, dutyBookings.enterpriseId))
    .where(
      and(
        inArray(
          dutyBookings.sessionId,
          sessions.map((s) => s.id),
        ),
        ne(dutyBookings.status, "cancelled"),
      ),
    )
    .orderBy(asc(dutyBookings.createdAt), asc(dutyBookings.id));
  return sessions.map((s) => ({ ...s, bookings: bookings.filter((b) => b.sessionId === s.id) }));
}

/**
 * Station staff: their station's sessions on one day (today unless another is given), live or
 * held, with the bookings to mark. Another role or an account of no station: 403.
 */
export async function listDayAtStation(actor: Actor, date: string = todayInShanghai()): Promise<DaySession[]> {
  const staff = requirePermission(actor, "duty.attend");
  if (!staff.stationId) return [];
  return sessionsWithBookings(
    and(eq(dutySessions.stationId, staff.stationId), eq(dutySessions.date, date), inArray(dutySessions.status, [...LIVE_SESSION_STATUSES])),
    "asc",
  );
}

/**
 * The expert: their live sessions from 30 days ago on, each with its bookings (what the caller
 * wants to discuss, and the advice note), split into the coming ones (soonest first) and the past
 * ones (latest first).
 */
export async function listExpertConsultations(actor: Actor): Promise<{ coming: DaySession[]; past: DaySession[] }> {
  const expert = requirePermission(actor, "duty.answer");
  if (!expert.expertId) return { coming: [], past: [] };
  const today = todayInShanghai();
  const mine = and(eq(dutySessions.expertId, expert.expertId), inArray(dutySessions.status, [...LIVE_SESSION_STATUSES]));
  const [coming, past] = await Promise.all([
    sessionsWithBookings(and(mine, gte(dutySessions.date, today)), "asc"),
    sessionsWithBookings(and(mine, lte(dutySessions.date, addDays(today, -1)), gte(dutySessions.date, addDays(today, -PAST_DAYS))), "desc"),
  ]);
  return { coming, past };
}
