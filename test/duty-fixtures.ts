import { db, type DbOrTx } from "@/db";
import { dutyBookings, dutyExpertHalves, dutySessions } from "@/db/schema";
import { dutyPeriodTimes } from "@/lib/duty/periods";
import type { BookingStatus, DutyPeriod, DutySessionStatus } from "@/lib/enums";

// For tests only: duty sessions (坐诊) and their bookings written straight to the database, in the
// states the rota and the day's attendance would leave them (those flows have their own tests).

export interface BookingFixture {
  status: BookingStatus;
  /** The request the consultation became. */
  requestId?: string;
  enterpriseId?: string;
}

export interface SessionFixture {
  stationId: string;
  expertId: string;
  /** Who planned it (a user id: station staff or an admin). */
  plannedBy: string;
  date: string;
  period: DutyPeriod;
  status?: DutySessionStatus;
  slots?: number;
  bookings?: BookingFixture[];
}

/** The statuses whose session holds the expert's half-days (see duty_expert_halves). */
const LIVE: readonly DutySessionStatus[] = ["planned", "confirmed", "held"];
/** The booking statuses `booked` counts. */
const TAKING_A_SLOT: readonly BookingStatus[] = ["booked", "attended", "no_show"];

/**
 * A duty session with its bookings, as they would stand: `booked` counts the live bookings, a held
 * session has `held_at`, a live session takes the expert's half-days, a cancelled booking has
 * `cancelled_at` and a marked one `marked_at`. Returns the session's and the bookings' ids.
 */
export async function createDutySession(fixture: SessionFixture, handle: DbOrTx = db): Promise<{ sessionId: string; bookingIds: string[] }> {
  const status = fixture.status ?? "confirmed";
  const bookings = fixture.bookings ?? [];
  const booked = bookings.filter((b) => TAKING_A_SLOT.includes(b.status)).length;
  const at = new Date(`${fixture.date}T${dutyPeriodTimes[fixture.period].start}:00+08:00`);
  const [session] = await handle
    .insert(dutySessions)
    .values({
      stationId: fixture.stationId,
      expertId: fixture.expertId,
      plannedBy: fixture.plannedBy,
      date: fixture.date,
      period: fixture.period,
      slots: fixture.slots ?? Math.max(booked, 4),
      booked,
      status,
      answeredAt: status === "planned" ? null : at,
      cancelledAt: status === "cancelled" ? at : null,
      heldAt: status === "held" ? at : null,
    })
    .returning({ id: dutySessions.id });
  const sessionId = session!.id;
  if (LIVE.includes(status)) {
    await handle
      .insert(dutyExpertHalves)
      .values(dutyPeriodTimes[fixture.period].halves.map((half) => ({ expertId: fixture.expertId, date: fixture.date, half, sessionId })));
  }
  const bookingIds: string[] = [];
  for (const [i, b] of bookings.entries()) {
    const marked = b.status === "attended" || b.status === "no_show";
    const [row] = await handle
      .insert(dutyBookings)
      .values({
        sessionId,
        bookedBy: fixture.plannedBy,
        enterpriseId: b.enterpriseId ?? null,
        topic: `咨询事项 ${i + 1}`,
        contactName: `来访者${i + 1}`,
        contactPhone: `1380000${String(i).padStart(4, "0")}`,
        status: b.status,
        cancelledAt: b.status === "cancelled" ? at : null,
        markedAt: marked ? at : null,
        markedBy: marked ? fixture.plannedBy : null,
        requestId: b.requestId ?? null,
      })
      .returning({ id: dutyBookings.id });
    bookingIds.push(row!.id);
  }
  return { sessionId, bookingIds };
}
