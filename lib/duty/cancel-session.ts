import { and, eq, gte, inArray } from "drizzle-orm";
import { dutySessions } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { currentTime, todayInShanghai } from "@/lib/clock";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { uuidParam } from "@/lib/validation";
import { noticeData, notChangeable, releaseSession, sessionFacts } from "./session-changes";
import { requireStationPlanner } from "./station-planner";

/**
 * Station staff of the session's station, or an admin of its district (others 403; no session
 * 404). A planned or confirmed session from today on is cancelled, with an optional reason: the
 * expert's half-days are free again, its live bookings end, and the expert and everyone who had
 * booked are told. Declined, cancelled, held or past -> 409.
 */
export async function cancelDutySession(
  actor: Actor | null,
  sessionId: string,
  reason: string | null = null,
): Promise<{ id: string; status: "cancelled" }> {
  if (!uuidParam.safeParse(sessionId).success) throw notFound();
  return inTransaction(async (tx) => {
    const session = await sessionFacts(tx, sessionId);
    if (!session) throw notFound();
    await requireStationPlanner(tx, actor, session.stationId);
    const [cancelled] = await tx
      .update(dutySessions)
      .set({ status: "cancelled", reason, cancelledAt: currentTime(), updatedAt: currentTime() })
      .where(and(eq(dutySessions.id, sessionId), inArray(dutySessions.status, ["planned", "confirmed"]), gte(dutySessions.date, todayInShanghai())))
      .returning({ id: dutySessions.id });
    if (!cancelled) throw notChangeable((await sessionFacts(tx, sessionId)) ?? session);
    const bookingsEnded = await releaseSession(tx, session, reason);
    await recordEvent(tx, actor, {
      type: "duty.cancelled",
      entityType: "duty_session",
      entityId: session.id,
      regionCode: session.regionCode,
      reason,
      data: { stationId: session.stationId, expertId: session.expertId, date: session.date, period: session.period, bookingsEnded },
    });
    await notify(tx, { userIds: [session.expertUserId], kind: "duty.cancelled", data: { ...noticeData(session), reason, audience: "expert" } });
    return { id: session.id, status: "cancelled" as const };
  });
}
