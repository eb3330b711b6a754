import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { dutyBookings, dutyExpertHalves, dutySessions, experts, stations } from "@/db/schema";
import { currentTime, todayInShanghai } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors";
import type { DutySessionStatus } from "@/lib/enums";
import type { MessageKey } from "@/lib/i18n/keys";
import { notify } from "@/lib/notifications/notify";

// What confirming, declining and cancelling a session share.

/** A session with what its notices and events say: where, who, when. */
export async function sessionFacts(tx: Tx, sessionId: string) {
  const [row] = await tx
    .select({
      id: dutySessions.id,
      stationId: dutySessions.stationId,
      stationName: stations.name,
      regionCode: stations.regionCode,
      expertId: dutySessions.expertId,
      expertName: experts.name,
      expertUserId: experts.userId,
      date: dutySessions.date,
      period: dutySessions.period,
      status: dutySessions.status,
      plannedBy: dutySessions.plannedBy,
    })
    .from(dutySessions)
    .innerJoin(stations, eq(stations.id, dutySessions.stationId))
    .innerJoin(experts, eq(experts.id, dutySessions.expertId))
    .where(eq(dutySessions.id, sessionId));
  return row;
}
export type SessionFacts = NonNullable<Awaited<ReturnType<typeof sessionFacts>>>;

/**
 * Why a conditional update of a session changed nothing, as the error to answer: 409 for a past
 * session (before today in China), else 409 saying what it already is (answered, cancelled, held).
 */
export function notChangeable(session: { date: string; status: DutySessionStatus }): AppError {
  if (session.date < todayInShanghai()) return new AppError("conflict", "rota.errors.past");
  return new AppError("conflict", `rota.errors.already.${session.status}` as MessageKey);
}

/** Of a session the expert may answer: 404 when there is none or it is someone else's. */
export function requireOwnSession(session: SessionFacts | undefined, expertId: string): SessionFacts {
  if (!session || session.expertId !== expertId) throw notFound();
  return session;
}

/**
 * A declined or cancelled session gives its half-days back and its live bookings end: each
 * booking 'booked' becomes 'cancelled' (and no longer counts), and whoever made one is told once.
 * Returns how many bookings ended.
 */
export async function releaseSession(tx: Tx, session: SessionFacts, reason: string | null): Promise<number> {
  await tx.delete(dutyExpertHalves).where(eq(dutyExpertHalves.sessionId, session.id));
  const ended = await tx
    .update(dutyBookings)
    .set({ status: "cancelled", cancelledAt: currentTime() })
    .where(and(eq(dutyBookings.sessionId, session.id), eq(dutyBookings.status, "booked")))
    .returning({ bookedBy: dutyBookings.bookedBy });
  if (!ended.length) return 0;
  await tx
    .update(dutySessions)
    .set({ booked: sql`greatest(${dutySessions.booked} - ${ended.length}, 0)` })
    .where(eq(dutySessions.id, session.id));
  const byUser = new Map<string, number>();
  for (const { bookedBy } of ended) byUser.set(bookedBy, (byUser.get(bookedBy) ?? 0) + 1);
  for (const [userId, bookings] of byUser) {
    await notify(tx, {
      userIds: [userId],
      kind: "duty.cancelled",
      data: { ...noticeData(session), reason, audience: "booker", bookings },
    });
  }
  return ended.length;
}

/** What every duty notice carries: the station, the expert, the date and the half-day. */
export const noticeData = (session: SessionFacts) => ({
  sessionId: session.id,
  stationId: session.stationId,
  stationName: session.stationName,
  expertName: session.expertName,
  date: session.date,
  period: session.period,
});
