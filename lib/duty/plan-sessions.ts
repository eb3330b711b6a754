import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { dutyExpertHalves, dutySessions, experts, stations } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime, todayInShanghai } from "@/lib/clock";
import { AppError, conflict, invalidField, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { hasCurrentAppointment } from "@/lib/roster/term";
import { inTransaction } from "@/lib/transaction";
import { uuidParam } from "@/lib/validation";
import { halvesOf, type PlanDutyInput } from "./schemas";
import { sessionDates } from "./series";
import { requireStationPlanner } from "./station-planner";

/**
 * Station staff of the station, or an admin of its district (requireStationPlanner: 403/404).
 * Plans one session, or a series every N weeks that leaves out public holidays, for an expert with
 * a current appointment (else 422 on expertId) at an open station (closed: 409), from today on
 * (422 on date) and before the appointment ends. All sessions are written in one transaction with
 * the expert's half-days; a half-day the expert already holds anywhere (the table's primary key
 * decides, however many plan at once) fails the whole plan with 409 naming the date. Each session
 * is an event; the expert is told once, in the inbox and by mail.
 */
export async function planDutySessions(actor: Actor | null, stationId: string, input: PlanDutyInput): Promise<{ ids: string[]; skipped: string[] }> {
  const planner = requirePermission(actor, "duty.plan");
  if (!uuidParam.safeParse(stationId).success) throw notFound();
  return inTransaction(async (tx) => {
    const station = await requireStationPlanner(tx, planner, stationId);
    if (station.closedAt) throw conflict("rota.errors.stationClosed");
    const today = todayInShanghai();
    if (input.date < today) throw invalidField("date", "rota.errors.datePast");
    const [expert] = await tx
      .select({ id: experts.id, name: experts.name, userId: experts.userId, termEnd: experts.termEnd })
      .from(experts)
      .where(and(eq(experts.id, input.expertId), hasCurrentAppointment(today)));
    if (!expert) throw invalidField("expertId", "rota.errors.expertNotAppointed");
    const { dates, skipped } = sessionDates(input.date, input.repeat);
    if (!dates.length) throw invalidField("repeat.until", "rota.errors.onlyHolidays");
    if (expert.termEnd && dates.at(-1)! >= expert.termEnd) throw invalidField(input.repeat ? "repeat.until" : "date", "rota.errors.beyondTerm");

    const seriesId = input.repeat ? randomUUID() : null;
    const sessions = await tx
      .insert(dutySessions)
      .values(
        dates.map((date) => ({
          stationId,
          expertId: expert.id,
          date,
          period: input.period,
          slots: input.slots,
          seriesId,
          plannedBy: planner.userId,
          createdAt: currentTime(),
          updatedAt: currentTime(),
        })),
      )
      .returning({ id: dutySessions.id, date: dutySessions.date });
    sessions.sort((a, b) => a.date.localeCompare(b.date));
    await holdHalves(tx, expert, sessions, input.period);

    for (const session of sessions) {
      await recordEvent(tx, planner, {
        type: "duty.planned",
        entityType: "duty_session",
        entityId: session.id,
        regionCode: station.regionCode,
        data: { stationId, expertId: expert.id, expertName: expert.name, date: session.date, period: input.period, slots: input.slots, seriesId },
      });
    }
    await notify(tx, {
      userIds: [expert.userId],
      kind: "duty.planned",
      data: {
        stationId,
        stationName: station.name,
        period: input.period,
        count: sessions.length,
        first: sessions[0]!.date,
        last: sessions.at(-1)!.date,
        everyWeeks: input.repeat?.everyWeeks ?? null,
      },
    });
    return { ids: sessions.map((s) => s.id), skipped };
  });
}

/**
 * Takes the expert's half-days for the new sessions. A half-day already held stays with its
 * session (the insert skips it, after waiting for a concurrent planner's transaction to end); one
 * skipped row fails the plan, naming the first date and where the expert is then.
 */
async function holdHalves(tx: Tx, expert: { id: string; name: string }, sessions: { id: string; date: string }[], period: PlanDutyInput["period"]) {
  const wanted = sessions.flatMap((s) => halvesOf(period).map((half) => ({ expertId: expert.id, date: s.date, half, sessionId: s.id })));
  const held = await tx
    .insert(dutyExpertHalves)
    .values(wanted)
    .onConflictDoNothing({ target: [dutyExpertHalves.expertId, dutyExpertHalves.date, dutyExpertHalves.half] })
    .returning({ date: dutyExpertHalves.date, half: dutyExpertHalves.half });
  if (held.length === wanted.length) return;
  const taken = new Set(held.map((h) => `${h.date} ${h.half}`));
  const clash = wanted.find((w) => !taken.has(`${w.date} ${w.half}`))!;
  const [where] = await tx
    .select({ stationName: stations.name })
    .from(dutyExpertHalves)
    .innerJoin(dutySessions, eq(dutySessions.id, dutyExpertHalves.sessionId))
    .innerJoin(stations, eq(stations.id, dutySessions.stationId))
    .where(and(eq(dutyExpertHalves.expertId, expert.id), eq(dutyExpertHalves.date, clash.date), eq(dutyExpertHalves.half, clash.half)));
  throw new AppError("conflict", clash.half === "am" ? "rota.errors.clashAm" : "rota.errors.clashPm", {
    params: { expert: expert.name, date: clash.date, station: where?.stationName ?? "—" },
  });
}
