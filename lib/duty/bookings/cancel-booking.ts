import { and, eq, gt, sql } from "drizzle-orm";
import { dutyBookings, dutySessions } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime, todayInShanghai } from "@/lib/clock";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { bookingNoticeData, expertAccountOf, loadBooking, stationStaffOf } from "./load";

/**
 * Cancels a booking and frees its slot: the booker, or the staff of the session's station (for a
 * caller who rang to cancel). Others: 404. 409 once the session's day has passed, or when the
 * booking is no longer booked (cancelled already, or attendance marked). The cancellation is a
 * conditional UPDATE (booked -> cancelled), so the slot is given back once however often it is
 * asked; the expert and the station's staff are told, and the booker when staff cancelled it.
 */
export async function cancelBooking(actor: Actor | null, bookingId: string): Promise<{ id: string; status: "cancelled" }> {
  const who = requirePermission(actor, "duty.book");
  return inTransaction(async (tx) => {
    const booking = await loadBooking(tx, bookingId);
    const isStaff = who.role === "station" && who.stationId !== null && who.stationId === booking?.stationId;
    if (!booking || (booking.bookedBy !== who.userId && !isStaff)) throw notFound();
    if (booking.date < todayInShanghai()) throw conflict("bookings.errors.pastCancel");
    const [cancelled] = await tx
      .update(dutyBookings)
      .set({ status: "cancelled", cancelledAt: currentTime() })
      .where(and(eq(dutyBookings.id, booking.id), eq(dutyBookings.status, "booked")))
      .returning({ id: dutyBookings.id });
    if (!cancelled) throw conflict("bookings.errors.notCancellable");
    await tx
      .update(dutySessions)
      .set({ booked: sql`${dutySessions.booked} - 1`, updatedAt: currentTime() })
      .where(and(eq(dutySessions.id, booking.sessionId), gt(dutySessions.booked, 0)));
    const toBooker = booking.bookedBy !== who.userId;
    await recordEvent(tx, who, {
      type: "booking.cancelled",
      entityType: "duty_booking",
      entityId: booking.id,
      regionCode: booking.stationRegionCode,
      data: { sessionId: booking.sessionId, date: booking.date, period: booking.period, byStation: toBooker },
    });
    const data = bookingNoticeData(booking);
    const staff = (await stationStaffOf(tx, booking.stationId)).filter((id) => id !== who.userId && !(toBooker && id === booking.bookedBy));
    await notify(tx, { userIds: staff, kind: "booking.cancelled", data: { ...data, audience: "station" } });
    await notify(tx, { userIds: await expertAccountOf(tx, booking.expertUserId), kind: "booking.cancelled", data: { ...data, audience: "expert" } });
    if (toBooker) {
      await notify(tx, { userIds: [booking.bookedBy], kind: "booking.cancelled", data: { ...data, audience: "booker" } });
    }
    return { id: booking.id, status: "cancelled" as const };
  });
}
