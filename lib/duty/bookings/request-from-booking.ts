import { and, eq, inArray, isNull } from "drizzle-orm";
import { dutyBookings, enterprises } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime } from "@/lib/clock";
import { conflict } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { fileRequestInTransaction } from "@/lib/requests/file-request";
import type { FileRequestInput } from "@/lib/requests/schemas";
import { inTransaction } from "@/lib/transaction";
import { loadBooking, type LoadedBooking } from "./load";
import type { RequestFromBookingInput } from "./request-schemas";
import { holdSession, requireStaffOnTheDay } from "./the-day";

/** The walk-in request of a consultation: what staff gave, and the defaults for the rest. */
function requestOf(
  booking: LoadedBooking,
  company: { name: string; creditCode: string | null } | undefined,
  input: RequestFromBookingInput,
): FileRequestInput {
  return {
    title: input.title ?? booking.topic.slice(0, 100),
    category: input.category ?? "consultation",
    specialties: input.specialties ?? [],
    // What was asked, and what the expert advised on the day when it is noted.
    description: input.description ?? [booking.topic, booking.adviceNote].filter(Boolean).join("\n\n"),
    counterparties: input.counterparties ?? [],
    urgency: input.urgency ?? "normal",
    regionCode: input.regionCode ?? booking.stationRegionCode,
    language: input.language,
    serviceMode: input.serviceMode,
    amountAtStakeFen: BigInt(input.amountAtStakeFen ?? 0),
    // The expert who heard the case first: the admins see them as the preferred expert when they triage.
    preferredExpertId: booking.expertId,
    // A company's booking is filed for the company (its credit code finds its account); a caller's for them.
    enterprise: input.enterprise ?? {
      name: company?.name ?? booking.contactName,
      creditCode: company?.creditCode ?? undefined,
      contactName: booking.contactName,
      contactPhone: booking.contactPhone,
    },
  };
}

/**
 * Station staff turn a consultation into a request in one step, from the session's day on: the
 * station's walk-in filing (fileRequest's checks, channel "station"), with the session's expert as
 * the preferred expert, and the booking pointing at the request. 404 for another station's
 * booking, 409 before the day, for a cancelled or no-show booking, and when it was filed already
 * (once only: the booking's row is locked while it is filed). A booking still "booked" becomes
 * attended, and the session held. All in one transaction.
 */
export async function requestFromBooking(
  actor: Actor | null,
  bookingId: string,
  input: RequestFromBookingInput,
): Promise<{ requestId: string; caseNumber: string }> {
  const staff = requirePermission(actor, "duty.attend");
  return inTransaction(async (tx) => {
    const booking = requireStaffOnTheDay(staff, await loadBooking(tx, bookingId));
    const [locked] = await tx
      .select({ status: dutyBookings.status, requestId: dutyBookings.requestId })
      .from(dutyBookings)
      .where(eq(dutyBookings.id, booking.id))
      .for("update");
    if (locked?.requestId) throw conflict("bookings.errors.alreadyRequested");
    if (locked?.status !== "booked" && locked?.status !== "attended") throw conflict("bookings.errors.notRequestable");
    const [company] = booking.enterpriseId
      ? await tx
          .select({ name: enterprises.name, creditCode: enterprises.creditCode })
          .from(enterprises)
          .where(eq(enterprises.id, booking.enterpriseId))
      : [];
    const filed = await fileRequestInTransaction(tx, staff, requestOf({ ...booking, status: locked.status }, company, input));
    const attendedNow = locked.status === "booked";
    await tx
      .update(dutyBookings)
      .set({ requestId: filed.id, ...(attendedNow ? { status: "attended" as const, markedAt: currentTime(), markedBy: staff.userId } : {}) })
      .where(and(eq(dutyBookings.id, booking.id), isNull(dutyBookings.requestId), inArray(dutyBookings.status, ["booked", "attended"])));
    await holdSession(tx, staff, booking);
    if (attendedNow) {
      await recordEvent(tx, staff, {
        type: "booking.attended",
        entityType: "duty_booking",
        entityId: booking.id,
        regionCode: booking.stationRegionCode,
        data: { sessionId: booking.sessionId, date: booking.date, before: "booked" },
      });
    }
    await recordEvent(tx, staff, {
      type: "booking.requested",
      entityType: "duty_booking",
      entityId: booking.id,
      requestId: filed.id,
      regionCode: booking.stationRegionCode,
      data: { sessionId: booking.sessionId, date: booking.date, expertId: booking.expertId, expertName: booking.expertName },
    });
    return { requestId: filed.id, caseNumber: filed.caseNumber };
  });
}
