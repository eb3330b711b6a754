import { and, asc, eq, gt, lte, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import * as s from "@/db/schema";
import { todayInShanghai } from "@/lib/clock";
import { addDays } from "@/lib/duty/dates";
import { halvesOf } from "@/lib/duty/schemas";
import type { DutyPeriod, DutySessionStatus } from "@/lib/enums";
import { isPublicHoliday } from "@/lib/timeliness/calendar";

/** The next `count` dates on `weekday` (1 = Monday … 5 = Friday) after `from`, every week, public holidays left out. */
function weekly(from: string, weekday: number, count: number): string[] {
  const dates: string[] = [];
  let day = addDays(from, 1);
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== weekday) day = addDays(day, 1);
  for (; dates.length < count; day = addDays(day, 7)) if (!isPublicHoliday(day)) dates.push(day);
  return dates;
}

/**
 * The demo station's duty rota for the coming weeks, relative to the seed's clock: the demo expert
 * on Wednesday mornings (three confirmed, the fourth awaiting their answer, with its notice in the
 * inbox) and a colleague serving 嘉善县 on Friday afternoons (confirmed), planned by the station's staff.
 */
export async function seedDemoRota(tx: Tx, input: { now: Date; stationId: string; plannerId: string; demoExpert: { id: string; userId: string } }) {
  const today = todayInShanghai(input.now);
  const [colleague] = await tx
    .select({ id: s.experts.id })
    .from(s.experts)
    .innerJoin(s.expertRegions, eq(s.expertRegions.expertId, s.experts.id))
    .where(
      and(
        eq(s.experts.status, "active"),
        lte(s.experts.termStart, today),
        gt(s.experts.termEnd, addDays(today, 60)),
        eq(s.expertRegions.regionCode, "330421"),
        ne(s.experts.id, input.demoExpert.id),
      ),
    )
    .orderBy(asc(s.experts.licenseNumber))
    .limit(1);
  const plan: { expertId: string; date: string; period: DutyPeriod; slots: number; status: DutySessionStatus }[] = [
    ...weekly(today, 3, 4).map((date, i) => ({
      expertId: input.demoExpert.id,
      date,
      period: "am" as const,
      slots: 6,
      status: i < 3 ? ("confirmed" as const) : ("planned" as const),
    })),
    ...(colleague
      ? weekly(today, 5, 2).map((date) => ({ expertId: colleague.id, date, period: "pm" as const, slots: 4, status: "confirmed" as const }))
      : []),
  ];
  const sessions = await tx
    .insert(s.dutySessions)
    .values(
      plan.map((p) => ({
        ...p,
        stationId: input.stationId,
        plannedBy: input.plannerId,
        answeredAt: p.status === "confirmed" ? input.now : null,
        createdAt: input.now,
        updatedAt: input.now,
      })),
    )
    .returning({
      id: s.dutySessions.id,
      expertId: s.dutySessions.expertId,
      date: s.dutySessions.date,
      period: s.dutySessions.period,
      status: s.dutySessions.status,
    });
  await tx
    .insert(s.dutyExpertHalves)
    .values(sessions.flatMap((x) => halvesOf(x.period).map((half) => ({ expertId: x.expertId, date: x.date, half, sessionId: x.id }))));
  const waiting = sessions.find((x) => x.status === "planned");
  if (waiting) {
    const [station] = await tx.select({ name: s.stations.name }).from(s.stations).where(eq(s.stations.id, input.stationId));
    await tx.insert(s.notifications).values({
      userId: input.demoExpert.userId,
      kind: "duty.planned",
      data: {
        stationId: input.stationId,
        stationName: station?.name ?? "",
        period: "am",
        count: 1,
        first: waiting.date,
        last: waiting.date,
        everyWeeks: null,
      },
    });
  }
}
