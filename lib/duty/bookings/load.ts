import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { dutyBookings, dutySessions, experts, stations, users } from "@/db/schema";
import type { DutySessionStatus } from "@/lib/enums";
import { uuidParam } from "@/lib/validation";

/** The live session states (a booking is live in them, calendars show them): the day can still come, or has come; never declined or cancelled. */
export const LIVE_SESSION_STATUSES = ["planned", "confirmed", "held"] as const satisfies readonly DutySessionStatus[];

export const isLiveSession = (status: DutySessionStatus) => (LIVE_SESSION_STATUSES as readonly string[]).includes(status);

/** What every booking use case reads: the booking, its session, its station and its expert. */
export async function loadBooking(handle: DbOrTx, bookingId: string) {
  if (!uuidParam.safeParse(bookingId).success) return undefined;
  const [row] = await handle
    .select({
      id: dutyBookings.id,
      sessionId: dutyBookings.sessionId,
      bookedBy: dutyBookings.bookedBy,
      enterpriseId: dutyBookings.enterpriseId,
      topic: dutyBookings.topic,
      contactName: dutyBookings.contactName,
      contactPhone: dutyBookings.contactPhone,
      status: dutyBookings.status,
      requestId: dutyBookings.requestId,
      adviceNote: dutyBookings.adviceNote,
      date: dutySessions.date,
      period: dutySessions.period,
      sessionStatus: dutySessions.status,
      stationId: dutySessions.stationId,
      expertId: dutySessions.expertId,
      stationName: stations.name,
      stationRegionCode: stations.regionCode,
      expertName: experts.name,
      expertUserId: experts.userId,
    })
    .from(dutyBookings)
    .innerJoin(dutySessions, eq(dutySessions.id, dutyBookings.sessionId))
    .innerJoin(stations, eq(stations.id, dutySessions.stationId))
    .innerJoin(experts, eq(experts.id, dutySessions.expertId))
    .where(eq(dutyBookings.id, bookingId));
  return row;
}
export type LoadedBooking = NonNullable<Awaited<ReturnType<typeof loadBooking>>>;

/** The accounts of a station's staff that are not disabled, to tell of what happens at the station. */
export async function stationStaffOf(handle: DbOrTx, stationId: string): Promise<string[]> {
  const rows = await handle
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.stationId, stationId), eq(users.role, "station"), isNull(users.disabledAt)));
  return rows.map((r) => r.id);
}

/** The expert's account, unless it is disabled. */
export async function expertAccountOf(handle: DbOrTx, expertUserId: string): Promise<string[]> {
  const [row] = await handle
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, expertUserId), isNull(users.disabledAt)));
  return row ? [row.id] : [];
}

/** What a booking's notifications carry: where, with whom, when, about what. */
export const bookingNoticeData = (b: { stationName: string; expertName: string; date: string; period: string; topic: string; id: string }) => ({
  bookingId: b.id,
  station: b.stationName,
  name: b.expertName,
  date: b.date,
  period: b.period,
  excerpt: b.topic,
});
