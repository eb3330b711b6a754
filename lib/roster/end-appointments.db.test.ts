import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { events, experts } from "@/db/schema";
import { setClock } from "@/lib/clock";
import { drainJobs, enqueue } from "@/lib/jobs/queue";
import { jobSchedules } from "@/lib/jobs/policy";
import { useTestDatabase } from "@/test/database";
import { createAdminActor, createExpertActor } from "@/test/fixtures";
import { endDueAppointments } from "./end-appointments";
import { getExpertHistory } from "./queries/admin-roster";

useTestDatabase();

afterEach(() => setClock(null));

const endedEvents = (expertId: string) =>
  db
    .select({ actorRole: events.actorRole, actorUserId: events.actorUserId, data: events.data, regionCode: events.regionCode })
    .from(events)
    .where(and(eq(events.type, "expert.appointmentEnded"), eq(events.entityId, expertId)));

describe("the daily end of appointments", () => {
  it("is scheduled every day", () => {
    expect(jobSchedules["roster.end-appointments"]).toMatch(/^\d+ \d+ \* \* \*$/);
  });

  it("writes one event per ended term on its end date (Asia/Shanghai), however often and however many run it", async () => {
    // 2029-03-01 00:30 in Shanghai is still 28 February in UTC.
    setClock(new Date("2029-02-28T16:30:00Z"));
    const endsToday = await createExpertActor({ termStart: "2026-03-01", termYears: 3, homeRegionCode: "310118" });
    const endsTomorrow = await createExpertActor({ termStart: "2026-03-02", termYears: 3 });
    const endedLongAgo = await createExpertActor({ termStart: "2020-01-01", termYears: 3, status: "suspended" });
    const retired = await createExpertActor({ termStart: "2020-01-01", termYears: 3, status: "retired" });

    const runs = await Promise.all([endDueAppointments(), endDueAppointments(), endDueAppointments()]);
    runs.push(await endDueAppointments());
    const written = runs.flat();
    for (const expert of [endsToday, endedLongAgo]) expect(written.filter((id) => id === expert.expertId)).toHaveLength(1);
    expect(written).not.toContain(endsTomorrow.expertId);
    expect(written).not.toContain(retired.expertId);

    expect(await endedEvents(endsToday.expertId!)).toEqual([
      { actorRole: "system", actorUserId: null, data: { termStart: "2026-03-01", termEnd: "2029-03-01" }, regionCode: "310118" },
    ]);
    expect(await endedEvents(endsTomorrow.expertId!)).toEqual([]);
    expect(await endedEvents(retired.expertId!)).toEqual([]);

    // The next day, the next term to end; nothing again for the others.
    setClock(new Date("2029-03-01T16:30:00Z"));
    expect(await endDueAppointments()).toEqual([endsTomorrow.expertId]);

    // A term renewed after it ended ends again later, and that end is written too.
    await db.update(experts).set({ termStart: "2029-03-02", termEnd: "2032-03-02" }).where(eq(experts.id, endsToday.expertId!));
    setClock(new Date("2032-03-02T01:00:00Z"));
    expect(await endDueAppointments()).toContain(endsToday.expertId);
    expect((await endedEvents(endsToday.expertId!)).map((e) => (e.data as { termEnd: string }).termEnd)).toEqual(["2029-03-01", "2032-03-02"]);
  });

  it("runs from the job queue, and the expert's audit trail shows it", async () => {
    const expert = await createExpertActor({ termStart: "2020-06-01", termYears: 3 });
    await enqueue(db, "roster.end-appointments", {});
    await enqueue(db, "roster.end-appointments", {});
    expect(await drainJobs("roster.end-appointments")).toEqual({ ran: 2, failed: 0 });
    expect(await endedEvents(expert.expertId!)).toHaveLength(1);
    const history = await getExpertHistory(await createAdminActor(), expert.expertId!);
    expect(history.events.map((e) => e.type)).toContain("expert.appointmentEnded");
  });
});
