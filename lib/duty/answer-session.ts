import { and, eq, gte, inArray } from "drizzle-orm";
import { dutySessions, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime, todayInShanghai } from "@/lib/clock";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { uuidParam } from "@/lib/validation";
import { noticeData, notChangeable, releaseSession, requireOwnSession, sessionFacts } from "./session-changes";

function expertOf(actor: Actor | null): { expert: Actor; expertId: string } {
  const expert = requirePermission(actor, "duty.answer");
  if (!expert.expertId) throw forbidden();
  return { expert, expertId: expert.expertId };
}

/** The update that answers a planned session of the expert's, today or later; nothing when it is not that. */
const answerable = (sessionId: string, expertId: string) =>
  and(
    eq(dutySessions.id, sessionId),
    eq(dutySessions.expertId, expertId),
    eq(dutySessions.status, "planned"),
    gte(dutySessions.date, todayInShanghai()),
  );

/**
 * The session's expert only (duty.answer; someone else's session: 404). A planned session from
 * today on becomes confirmed, once: answered, cancelled or past -> 409.
 */
export async function confirmDutySession(actor: Actor | null, sessionId: string): Promise<{ id: string; status: "confirmed" }> {
  const { expert, expertId } = expertOf(actor);
  if (!uuidParam.safeParse(sessionId).success) throw notFound();
  return inTransaction(async (tx) => {
    const session = requireOwnSession(await sessionFacts(tx, sessionId), expertId);
    const [confirmed] = await tx
      .update(dutySessions)
      .set({ status: "confirmed", answeredAt: currentTime(), updatedAt: currentTime() })
      .where(answerable(sessionId, expertId))
      .returning({ id: dutySessions.id });
    if (!confirmed) throw notChangeable((await sessionFacts(tx, sessionId)) ?? session);
    await recordEvent(tx, expert, {
      type: "duty.confirmed",
      entityType: "duty_session",
      entityId: session.id,
      regionCode: session.regionCode,
      data: { stationId: session.stationId, expertId, date: session.date, period: session.period },
    });
    return { id: session.id, status: "confirmed" as const };
  });
}

/**
 * The expert (duty.answer). Confirms at once every session of `sessionIds` that is theirs, planned
 * and from today on; the others are left as they are. Returns the ids confirmed (none: 409).
 */
export async function confirmDutySessions(actor: Actor | null, sessionIds: string[]): Promise<{ ids: string[] }> {
  const { expert, expertId } = expertOf(actor);
  const ids = [...new Set(sessionIds)].filter((id) => uuidParam.safeParse(id).success);
  if (!ids.length) throw notFound();
  return inTransaction(async (tx) => {
    const confirmed = await tx
      .update(dutySessions)
      .set({ status: "confirmed", answeredAt: currentTime(), updatedAt: currentTime() })
      .where(
        and(
          inArray(dutySessions.id, ids),
          eq(dutySessions.expertId, expertId),
          eq(dutySessions.status, "planned"),
          gte(dutySessions.date, todayInShanghai()),
        ),
      )
      .returning({ id: dutySessions.id });
    if (!confirmed.length) throw new AppError("conflict", "rota.errors.nothingToConfirm");
    for (const { id } of confirmed) {
      const session = (await sessionFacts(tx, id))!;
      await recordEvent(tx, expert, {
        type: "duty.confirmed",
        entityType: "duty_session",
        entityId: id,
        regionCode: session.regionCode,
        data: { stationId: session.stationId, expertId, date: session.date, period: session.period },
      });
    }
    return { ids: confirmed.map((c) => c.id) };
  });
}

/**
 * The session's expert only (404 for others). A planned session from today on is declined with a
 * reason: its half-days are free again, any bookings on it end (their makers told), and the
 * planner is told, to plan someone else. Answered, cancelled or past -> 409.
 */
export async function declineDutySession(actor: Actor | null, sessionId: string, reason: string): Promise<{ id: string; status: "declined" }> {
  const { expert, expertId } = expertOf(actor);
  if (!uuidParam.safeParse(sessionId).success) throw notFound();
  return inTransaction(async (tx) => {
    const session = requireOwnSession(await sessionFacts(tx, sessionId), expertId);
    const [declined] = await tx
      .update(dutySessions)
      .set({ status: "declined", reason, answeredAt: currentTime(), updatedAt: currentTime() })
      .where(answerable(sessionId, expertId))
      .returning({ id: dutySessions.id });
    if (!declined) throw notChangeable((await sessionFacts(tx, sessionId)) ?? session);
    const bookingsEnded = await releaseSession(tx, session, reason);
    await recordEvent(tx, expert, {
      type: "duty.declined",
      entityType: "duty_session",
      entityId: session.id,
      regionCode: session.regionCode,
      reason,
      data: { stationId: session.stationId, expertId, date: session.date, period: session.period, bookingsEnded },
    });
    const [planner] = await tx.select({ role: users.role }).from(users).where(eq(users.id, session.plannedBy));
    await notify(tx, {
      userIds: [session.plannedBy],
      kind: "duty.declined",
      data: { ...noticeData(session), reason, forAdmin: planner?.role === "admin" },
    });
    return { id: session.id, status: "declined" as const };
  });
}
