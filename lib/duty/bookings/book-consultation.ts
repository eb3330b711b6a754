import { and, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import { dutyBookings, dutySessions, experts, stations } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime, todayInShanghai } from "@/lib/clock";
import type { DutySessionStatus } from "@/lib/enums";
import { conflict, forbidden, isUniqueViolation, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { uuidParam } from "@/lib/validation";
import { bookingNoticeData, expertAccountOf, stationStaffOf } from "./load";
import type { BookInput } from "./schemas";

/** A company books sessions still to come; station staff may also add a walk-in to the session under way today. */
const BOOKABLE_BY_COMPANY = ["planned", "confirmed"] as const satisfies readonly DutySessionStatus[];
const BOOKABLE_BY_STATION = ["planned", "confirmed", "held"] as const satisfies readonly DutySessionStatus[];

/**
 * Books a consultation (约诊) on a duty session: a company member for their company (one live
 * booking per company and session), station staff for a caller or a walk-in, on their own
 * station's sessions only (several slots, one per caller). The session must be planned or
 * confirmed (staff: or held, today) and not in the past, at an open station. 404 for no such
 * session, 403 for staff of another station or an account of no company or station, 409 when the
 * session is full, past or not bookable, or the contact phone already holds a live booking on it.
 * One transaction: the conditional increment of `booked` (the slot), the booking, its event and
 * the notifications (the booker's confirmation; the expert and the station's staff are told).
 */
export async function bookConsultation(actor: Actor | null, sessionId: string, input: BookInput): Promise<{ id: string; status: "booked" }> {
  const booker = requirePermission(actor, "duty.book");
  if (!uuidParam.safeParse(sessionId).success) throw notFound();
  const forCompany = booker.role === "enterprise";
  if (forCompany ? !booker.enterpriseId : !booker.stationId) throw forbidden();
  const bookable: readonly DutySessionStatus[] = forCompany ? BOOKABLE_BY_COMPANY : BOOKABLE_BY_STATION;
  const today = todayInShanghai();
  try {
    return await inTransaction(async (tx) => {
      const [session] = await tx
        .select({
          id: dutySessions.id,
          date: dutySessions.date,
          period: dutySessions.period,
          stationId: dutySessions.stationId,
          expertId: dutySessions.expertId,
          stationName: stations.name,
          stationRegionCode: stations.regionCode,
          stationClosedAt: stations.closedAt,
          expertName: experts.name,
          expertUserId: experts.userId,
        })
        .from(dutySessions)
        .innerJoin(stations, eq(stations.id, dutySessions.stationId))
        .innerJoin(experts, eq(experts.id, dutySessions.expertId))
        .where(eq(dutySessions.id, sessionId));
      if (!session) throw notFound();
      if (!forCompany && session.stationId !== booker.stationId) throw forbidden();
      if (session.stationClosedAt) throw conflict("bookings.errors.stationClosed");
      if (session.date < today) throw conflict("bookings.errors.past");
      // The slot: one conditional UPDATE, so however many book at once the session never takes more than it has.
      // It also holds the session's row until commit, so the checks below see every booking made before.
      const [slot] = await tx
        .update(dutySessions)
        .set({ booked: sql`${dutySessions.booked} + 1`, updatedAt: currentTime() })
        .where(
          and(
            eq(dutySessions.id, session.id),
            lt(dutySessions.booked, dutySessions.slots),
            inArray(dutySessions.status, [...bookable]),
            gte(dutySessions.date, today),
          ),
        )
        .returning({ booked: dutySessions.booked });
      if (!slot) {
        const [now] = await tx.select({ status: dutySessions.status }).from(dutySessions).where(eq(dutySessions.id, session.id));
        throw conflict(now && bookable.includes(now.status) ? "bookings.errors.full" : "bookings.errors.notBookable");
      }
      if (forCompany) {
        const [held] = await tx
          .select({ id: dutyBookings.id })
          .from(dutyBookings)
          .where(
            and(eq(dutyBookings.sessionId, session.id), eq(dutyBookings.enterpriseId, booker.enterpriseId!), ne(dutyBookings.status, "cancelled")),
          )
          .limit(1);
        if (held) throw conflict("bookings.errors.companyAlreadyBooked");
      }
      const [booking] = await tx
        .insert(dutyBookings)
        .values({
          sessionId: session.id,
          bookedBy: booker.userId,
          enterpriseId: forCompany ? booker.enterpriseId : null,
          topic: input.topic,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
        })
        .returning({ id: dutyBookings.id });
      await recordEvent(tx, booker, {
        type: "booking.booked",
        entityType: "duty_booking",
        entityId: booking!.id,
        regionCode: session.stationRegionCode,
        data: { sessionId: session.id, stationId: session.stationId, expertId: session.expertId, date: session.date, period: session.period },
      });
      const data = bookingNoticeData({ ...session, id: booking!.id, topic: input.topic });
      await notify(tx, { userIds: [booker.userId], kind: "booking.confirmed", data: { ...data, audience: "booker" } });
      const others = (await stationStaffOf(tx, session.stationId)).filter((id) => id !== booker.userId);
      await notify(tx, { userIds: others, kind: "booking.new", data: { ...data, audience: "station" } });
      await notify(tx, { userIds: await expertAccountOf(tx, session.expertUserId), kind: "booking.new", data: { ...data, audience: "expert" } });
      return { id: booking!.id, status: "booked" as const };
    });
  } catch (error) {
    // The same caller twice on one session: the partial unique index (live bookings only) refuses the second.
    if (isUniqueViolation(error, "duty_bookings_one_per_phone")) throw conflict("bookings.errors.duplicatePhone");
    throw error;
  }
}
