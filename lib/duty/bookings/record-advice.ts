import { and, eq, inArray } from "drizzle-orm";
import { dutyBookings } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { inTransaction } from "@/lib/transaction";
import { loadBooking } from "./load";

/**
 * The expert of the session notes the advice given in one consultation (the station's staff read
 * it; a request filed from the consultation afterwards starts from it). From the session's day on
 * (earlier: 409); not on a cancelled or no-show booking (409); another expert's booking: 404. A
 * later note replaces the earlier one; each is on the audit trail.
 */
export async function recordAdvice(actor: Actor | null, bookingId: string, note: string): Promise<{ id: string }> {
  const expert = requirePermission(actor, "duty.answer");
  return inTransaction(async (tx) => {
    const booking = await loadBooking(tx, bookingId);
    if (!booking || expert.expertId === null || booking.expertId !== expert.expertId) throw notFound();
    if (booking.date > todayInShanghai()) throw conflict("bookings.errors.notYet");
    const [noted] = await tx
      .update(dutyBookings)
      .set({ adviceNote: note })
      .where(and(eq(dutyBookings.id, booking.id), inArray(dutyBookings.status, ["booked", "attended"])))
      .returning({ id: dutyBookings.id });
    if (!noted) throw conflict("bookings.errors.noAdvice");
    await recordEvent(tx, expert, {
      type: "booking.advice_noted",
      entityType: "duty_booking",
      entityId: booking.id,
      regionCode: booking.stationRegionCode,
      data: { sessionId: booking.sessionId, date: booking.date },
    });
    return noted;
  });
}
