import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { dutyBookings, dutySessions, stations } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime, todayInShanghai } from "@/lib/clock";
import type { BookingStatus } from "@/lib/enums";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { inTransaction } from "@/lib/transaction";
import { uuidParam } from "@/lib/validation";
import { isLiveSession, loadBooking, type LoadedBooking } from "./load";

// The day itself: who came, and the session held. Station staff of the session's station only,
// from the session's date (China time) on.

/** 404 unless the booking exists and is at the staff member's station; 409 before the session's day or when the session is off. */
export function requireStaffOnTheDay(staff: Actor, booking: LoadedBooking | undefined): LoadedBooking {
  if (!booking || staff.stationId === null || booking.stationId !== staff.stationId) throw notFound();
  if (booking.date > todayInShanghai()) throw conflict("bookings.errors.notYet");
  if (!isLiveSession(booking.sessionStatus)) throw conflict("bookings.errors.sessionOff");
  return booking;
}

/**
 * Marks the session held (status and held_at) unless it already is: the first attendance marked,
 * or staff saying so for a day of walk-ins only. A conditional UPDATE, so only the first counts
 * (and records the event). Returns whether this call made it held.
 */
export async function holdSession(tx: Tx, staff: Actor, session: { sessionId: string; stationRegionCode: string; date: string }): Promise<boolean> {
  const [held] = await tx
    .update(dutySessions)
    .set({ status: "held", heldAt: currentTime(), updatedAt: currentTime() })
    .where(and(eq(dutySessions.id, session.sessionId), inArray(dutySessions.status, ["planned", "confirmed"])))
    .returning({ id: dutySessions.id });
  if (!held) return false;
  await recordEvent(tx, staff, {
    type: "duty_session.held",
    entityType: "duty_session",
    entityId: session.sessionId,
    regionCode: session.stationRegionCode,
    data: { date: session.date },
  });
  return true;
}

/**
 * Station staff mark whether the person booked came (`attended`) or not (`no_show`), from the
 * session's day on (earlier: 409). A mark may be corrected (a late arrival), except that a
 * consultation already turned into a request stays attended (409). Marking the same twice: 409.
 * The first mark makes the session held. Writes the booking, the session and the events.
 */
export async function markAttendance(
  actor: Actor | null,
  bookingId: string,
  outcome: Extract<BookingStatus, "attended" | "no_show">,
): Promise<{ id: string; status: BookingStatus }> {
  const staff = requirePermission(actor, "duty.attend");
  return inTransaction(async (tx) => {
    const booking = requireStaffOnTheDay(staff, await loadBooking(tx, bookingId));
    const from: BookingStatus[] = outcome === "attended" ? ["booked", "no_show"] : ["booked", "attended"];
    const [marked] = await tx
      .update(dutyBookings)
      .set({ status: outcome, markedAt: currentTime(), markedBy: staff.userId })
      .where(
        and(eq(dutyBookings.id, booking.id), inArray(dutyBookings.status, from), outcome === "no_show" ? isNull(dutyBookings.requestId) : undefined),
      )
      .returning({ id: dutyBookings.id, status: dutyBookings.status });
    if (!marked) {
      const [now] = await tx.select({ status: dutyBookings.status }).from(dutyBookings).where(eq(dutyBookings.id, booking.id));
      throw conflict(now?.status === outcome ? "bookings.errors.alreadyMarked" : "bookings.errors.notMarkable");
    }
    await holdSession(tx, staff, booking);
    await recordEvent(tx, staff, {
      type: outcome === "attended" ? "booking.attended" : "booking.no_show",
      entityType: "duty_booking",
      entityId: booking.id,
      regionCode: booking.stationRegionCode,
      data: { sessionId: booking.sessionId, date: booking.date, before: booking.status },
    });
    return marked;
  });
}

/**
 * Station staff mark a session of their station held with no booking to mark (a day of walk-ins),
 * from its day on. 404 for another station's session, 409 before the day, and when the session is
 * held already, declined or cancelled.
 */
export async function markSessionHeld(actor: Actor | null, sessionId: string): Promise<{ id: string; status: "held" }> {
  const staff = requirePermission(actor, "duty.attend");
  if (!uuidParam.safeParse(sessionId).success) throw notFound();
  return inTransaction(async (tx) => {
    const [session] = await tx
      .select({ id: dutySessions.id, stationId: dutySessions.stationId, date: dutySessions.date, stationRegionCode: stations.regionCode })
      .from(dutySessions)
      .innerJoin(stations, eq(stations.id, dutySessions.stationId))
      .where(eq(dutySessions.id, sessionId));
    if (!session || staff.stationId === null || session.stationId !== staff.stationId) throw notFound();
    if (session.date > todayInShanghai()) throw conflict("bookings.errors.notYet");
    if (!(await holdSession(tx, staff, { sessionId: session.id, stationRegionCode: session.stationRegionCode, date: session.date }))) {
      throw conflict("bookings.errors.notHoldable");
    }
    return { id: session.id, status: "held" as const };
  });
}
