import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { deadlines, events, experts, messages, notifications, offers, requestContacts, requests, renewalReminders } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { createAcceptedCase } from "@/test/accepted-case";
import { useTestDatabase } from "@/test/database";
import { createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { dueAt, reminderAt } from "./deadlines";
import { defaultServiceLevels } from "./defaults";
import { sweepDeadlines } from "./sweep";

useTestDatabase();

/** A moment given in China time ("2026-11-30 09:00"). */
const china = (text: string) => new Date(`${text.replace(" ", "T")}:00+08:00`);
const clock = (text: string) => setClock(china(text));
const DAY = 86_400_000;

let enterprise: Actor;
let expert: Actor;
let admin: Actor;
let districtAdmin: Actor;
let otherDistrictAdmin: Actor;

beforeAll(async () => {
  enterprise = await createEnterpriseActor();
  expert = await createExpertActor();
  admin = await createAdminActor();
  districtAdmin = await createAdminActor("330421");
  otherDistrictAdmin = await createAdminActor("310118");
});
afterAll(() => setClock(null));

/** A request waiting for triage since `submittedAt`, written straight to the database. */
async function submitted(submittedAt: Date, urgency: "normal" | "urgent" = "normal"): Promise<string> {
  const [row] = await db
    .insert(requests)
    .values({
      title: "货款追收",
      category: "debt_collection",
      description: "客户拖欠货款。",
      urgency,
      regionCode: "330421002",
      enterpriseId: enterprise.enterpriseId!,
      filedByUserId: enterprise.userId,
      submittedAt,
      updatedAt: submittedAt,
    })
    .returning({ id: requests.id });
  return row!.id;
}

const accepted = (acceptedAt: Date) =>
  createAcceptedCase({ enterprise, expert, acceptedAt, submittedAt: new Date(acceptedAt.getTime() - DAY), regionCode: "330421002" });

/** Who was told `kind` about the request (one entry per notification). */
async function told(kind: string, requestId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.kind, kind), eq(notifications.requestId, requestId)));
  return rows.map((r) => r.userId).sort();
}

/** Who was told `kind` about one step (`data.step`) of the request. */
async function toldStep(kind: string, step: string, requestId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: notifications.userId, data: notifications.data })
    .from(notifications)
    .where(and(eq(notifications.kind, kind), eq(notifications.requestId, requestId)));
  return rows
    .filter((r) => (r.data as { step?: string }).step === step)
    .map((r) => r.userId)
    .sort();
}

const clockOf = async (kind: string, requestId: string) => {
  const rows = await db
    .select()
    .from(deadlines)
    .where(and(eq(deadlines.requestId, requestId), eq(deadlines.kind, kind as "triage")));
  expect(rows.length).toBeLessThanOrEqual(1);
  return rows[0];
};

const breachEvents = (requestId: string) =>
  db
    .select({ data: events.data, actorRole: events.actorRole })
    .from(events)
    .where(and(eq(events.requestId, requestId), eq(events.type, "request.deadline_breached")));

const sorted = (...actors: Actor[]) => actors.map((a) => a.userId).sort();

describe("the triage clock", () => {
  it("reminds the district's admins once before the deadline, then breaches once at it, with the event", async () => {
    // Monday 09:00, 8 working hours: 7 on Monday (lunch aside), 1 on Tuesday
    const id = await submitted(china("2026-11-30 09:00"));
    clock("2026-11-30 09:05");
    await sweepDeadlines();
    const opened = await clockOf("triage", id);
    expect(opened).toMatchObject({
      dueAt: china("2026-12-01 09:30"),
      remindAt: china("2026-11-30 16:30"),
      owedByRole: "admin",
      regionCode: "330421002",
    });
    expect(await told("deadline.reminder", id)).toEqual([]);

    clock("2026-11-30 16:31");
    await sweepDeadlines();
    await sweepDeadlines();
    expect(await told("deadline.reminder", id)).toEqual(sorted(admin, districtAdmin));
    expect(await told("deadline.breached", id)).toEqual([]);

    clock("2026-12-01 09:31");
    await sweepDeadlines();
    await sweepDeadlines();
    expect(await told("deadline.reminder", id)).toEqual(sorted(admin, districtAdmin));
    expect(await told("deadline.breached", id)).toEqual(sorted(admin, districtAdmin));
    expect(await breachEvents(id)).toEqual([
      { actorRole: "system", data: expect.objectContaining({ kind: "triage", dueAt: "2026-12-01T01:30:00.000Z" }) },
    ]);
    expect((await clockOf("triage", id))!.breachedAt).toEqual(china("2026-12-01 09:31"));

    // triaged late, at 10:00: the clock ends then, and is not breached again
    await db
      .update(requests)
      .set({ status: "triaged", triagedAt: china("2026-12-01 10:00") })
      .where(eq(requests.id, id));
    clock("2026-12-01 10:04");
    await sweepDeadlines();
    expect(await clockOf("triage", id)).toMatchObject({ doneAt: china("2026-12-01 10:00"), lapsed: false, breachedAt: china("2026-12-01 09:31") });
    expect(await breachEvents(id)).toHaveLength(1);
  });

  it("tells neither reminder nor breach of a step done before its reminder", async () => {
    const id = await submitted(china("2026-11-30 09:00"));
    clock("2026-11-30 09:05");
    await sweepDeadlines();
    await db
      .update(requests)
      .set({ status: "triaged", triagedAt: china("2026-11-30 10:00") })
      .where(eq(requests.id, id));
    for (const at of ["2026-11-30 10:05", "2026-11-30 16:31", "2026-12-02 09:00"]) {
      clock(at);
      await sweepDeadlines();
    }
    expect(await told("deadline.reminder", id)).toEqual([]);
    expect(await told("deadline.breached", id)).toEqual([]);
    expect(await clockOf("triage", id)).toMatchObject({ doneAt: china("2026-11-30 10:00"), remindedAt: null, breachedAt: null });
  });

  it("ends without a breach when the request is withdrawn in time (lapsed)", async () => {
    const id = await submitted(china("2026-11-30 09:00"));
    clock("2026-11-30 09:05");
    await sweepDeadlines();
    await db
      .update(requests)
      .set({ status: "withdrawn", updatedAt: china("2026-11-30 11:00") })
      .where(eq(requests.id, id));
    clock("2026-12-02 09:00");
    await sweepDeadlines();
    expect(await clockOf("triage", id)).toMatchObject({ doneAt: china("2026-11-30 11:00"), lapsed: true, breachedAt: null });
    expect(await told("deadline.breached", id)).toEqual([]);
  });

  it("still counts a step begun and ended between two sweeps, met in time", async () => {
    const id = await submitted(china("2026-11-30 09:00"));
    await db
      .update(requests)
      .set({ status: "triaged", triagedAt: china("2026-11-30 09:02") })
      .where(eq(requests.id, id));
    clock("2026-11-30 09:05");
    await sweepDeadlines();
    expect(await clockOf("triage", id)).toMatchObject({ doneAt: china("2026-11-30 09:02"), breachedAt: null, remindedAt: null });
  });

  it("counts a step missed long before its clock opened as a breach, but tells nobody of old history", async () => {
    const id = await submitted(china("2026-11-02 09:00"));
    clock("2026-11-30 09:05");
    await sweepDeadlines();
    await sweepDeadlines();
    expect(await clockOf("triage", id)).toMatchObject({ dueAt: china("2026-11-03 09:30"), breachedAt: china("2026-11-30 09:05"), doneAt: null });
    expect(await told("deadline.reminder", id)).toEqual([]);
    expect(await told("deadline.breached", id)).toEqual([]);
  });

  it("counts working hours: nights, weekends, the National Day week and its make-up Saturday", async () => {
    const holiday = await submitted(china("2026-09-30 16:30"));
    const friday = await submitted(china("2026-12-04 17:00"), "urgent");
    const night = await submitted(china("2026-11-30 22:00"), "urgent");
    clock("2026-12-04 17:05");
    await sweepDeadlines();
    // 1 h on Wednesday 30 September, nothing from 1 to 7 October, 7 h on Thursday 8 October
    expect((await clockOf("triage", holiday))!.dueAt).toEqual(china("2026-10-08 17:00"));
    // urgent (2 h): half an hour on Friday evening, the rest on Monday morning
    expect(await clockOf("triage", friday)).toMatchObject({ dueAt: china("2026-12-07 10:00"), remindAt: china("2026-12-07 09:00") });
    expect((await clockOf("triage", night))!.dueAt).toEqual(china("2026-12-01 10:30"));
    expect(dueAt("triage", china("2026-12-05 10:00"), defaultServiceLevels, {})).toEqual(china("2026-12-08 09:00")); // Saturday: 7.5 h on Monday, half an hour on Tuesday
  });
});

describe("the first-contact and resolution clocks", () => {
  it("remind the expert, breach to the admins and the expert, and end when the contact is recorded (late: done_at)", async () => {
    const id = await accepted(china("2026-11-30 09:00"));
    clock("2026-11-30 09:05");
    await sweepDeadlines();
    expect(await clockOf("contact", id)).toMatchObject({
      dueAt: china("2026-12-01 09:30"),
      owedByExpertId: expert.expertId,
      owedByUserId: expert.userId,
    });
    clock("2026-11-30 16:31");
    await sweepDeadlines();
    expect(await told("deadline.reminder", id)).toEqual([expert.userId]);
    clock("2026-12-01 09:31");
    await sweepDeadlines();
    expect(await told("deadline.breached", id)).toEqual(sorted(admin, districtAdmin, expert));
    expect(await told("deadline.breached", id)).not.toContain(otherDistrictAdmin.userId);

    await db.insert(requestContacts).values({ requestId: id, expertId: expert.expertId!, contactedAt: china("2026-12-01 11:00"), method: "phone" });
    clock("2026-12-01 11:05");
    await sweepDeadlines();
    expect(await clockOf("contact", id)).toMatchObject({ doneAt: china("2026-12-01 11:00"), lapsed: false });
    expect(await told("deadline.breached", id)).toHaveLength(3);
    // the resolution clock runs on: 60 working days for debt collection
    const resolution = (await clockOf("resolution", id))!;
    expect(resolution.dueAt).toEqual(dueAt("resolution", china("2026-11-30 09:00"), defaultServiceLevels, { category: "debt_collection" }));
    expect(resolution.remindAt).toEqual(reminderAt(china("2026-11-30 09:00"), resolution.dueAt));
    expect(resolution.doneAt).toBeNull();
  });

  it("resolution: one reminder before, one breach at the deadline; a case resolved in time gets neither", async () => {
    const late = await accepted(china("2026-11-30 09:00"));
    const early = await accepted(china("2026-11-30 09:00"));
    clock("2026-11-30 09:05");
    await sweepDeadlines();
    const due = (await clockOf("resolution", late))!;
    await db
      .update(requests)
      .set({ status: "resolved", resolvedAt: china("2026-12-03 10:00") })
      .where(eq(requests.id, early));
    setClock(new Date(due.remindAt!.getTime() + 60_000));
    await sweepDeadlines();
    await sweepDeadlines();
    expect(await toldStep("deadline.reminder", "resolution", late)).toEqual([expert.userId]);
    expect(await toldStep("deadline.breached", "resolution", late)).toEqual([]);
    setClock(new Date(due.dueAt.getTime() + 60_000));
    await sweepDeadlines();
    await sweepDeadlines();
    expect(await toldStep("deadline.reminder", "resolution", late)).toEqual([expert.userId]);
    expect(await toldStep("deadline.breached", "resolution", late)).toEqual(sorted(admin, districtAdmin, expert));
    expect((await breachEvents(late)).filter((e) => (e.data as { kind: string }).kind === "resolution")).toHaveLength(1);
    expect(await clockOf("resolution", early)).toMatchObject({ doneAt: china("2026-12-03 10:00"), remindedAt: null, breachedAt: null });
    expect(await toldStep("deadline.reminder", "resolution", early)).toEqual([]);
    expect(await toldStep("deadline.breached", "resolution", early)).toEqual([]);
  });
});

describe("the offer clock", () => {
  it("falls due with the offer: lapsed at its deadline it is a breach; answered in time it is not", async () => {
    const lapsing = await submitted(china("2026-11-30 09:00"));
    const answered = await submitted(china("2026-11-30 09:00"));
    await db.update(requests).set({ status: "offered" }).where(eq(requests.id, lapsing));
    await db.update(requests).set({ status: "offered" }).where(eq(requests.id, answered));
    const expiresAt = china("2026-12-02 09:00");
    const [a] = await db
      .insert(offers)
      .values({ requestId: lapsing, expertId: expert.expertId!, expiresAt, createdAt: china("2026-11-30 10:00") })
      .returning();
    const [b] = await db
      .insert(offers)
      .values({ requestId: answered, expertId: expert.expertId!, expiresAt, createdAt: china("2026-11-30 10:00") })
      .returning();
    clock("2026-11-30 10:05");
    await sweepDeadlines();
    expect(await clockOf("offer", lapsing)).toMatchObject({ offerId: a!.id, dueAt: expiresAt, owedByExpertId: expert.expertId, remindAt: null });
    await db
      .update(offers)
      .set({ status: "declined", answeredAt: china("2026-12-01 15:00") })
      .where(eq(offers.id, b!.id));
    // routing expires the offer at its deadline
    await db.update(offers).set({ status: "expired" }).where(eq(offers.id, a!.id));
    clock("2026-12-02 09:01");
    await sweepDeadlines();
    await sweepDeadlines();
    expect(await clockOf("offer", lapsing)).toMatchObject({ doneAt: expiresAt, lapsed: true, breachedAt: china("2026-12-02 09:01") });
    expect(await told("deadline.breached", lapsing)).toEqual(sorted(admin, districtAdmin, expert));
    expect(await clockOf("offer", answered)).toMatchObject({ doneAt: china("2026-12-01 15:00"), lapsed: false, breachedAt: null });
    expect(await told("deadline.breached", answered)).toEqual([]);
    // routing reminds the expert of an offer itself (routing.remind-offer): the sweep does not again
    expect(await toldStep("deadline.reminder", "offer", lapsing)).toEqual([]);
  });
});

describe("a silent case", () => {
  it("reminds its expert after staleDays, escalates a week later; activity ends the silence and a new one starts again", async () => {
    const acceptedAt = china("2026-06-01 09:00");
    const silent = await accepted(acceptedAt);
    const talked = await accepted(acceptedAt);
    const at = (days: number) => new Date(acceptedAt.getTime() + days * DAY);
    setClock(at(29));
    await sweepDeadlines();
    expect(await clockOf("stale", silent)).toBeUndefined();
    setClock(at(30.01));
    await sweepDeadlines();
    await sweepDeadlines();
    expect(await clockOf("stale", silent)).toMatchObject({ startedAt: acceptedAt, remindAt: at(30), dueAt: at(37), remindedAt: at(30.01) });
    const staleReminders = async (id: string) =>
      (
        await db
          .select({ data: notifications.data })
          .from(notifications)
          .where(and(eq(notifications.kind, "deadline.reminder"), eq(notifications.requestId, id)))
      ).filter((n) => (n.data as { step: string }).step === "stale");
    expect(await staleReminders(silent)).toHaveLength(1);
    expect(await staleReminders(talked)).toHaveLength(1);

    await db.insert(messages).values({ requestId: talked, authorUserId: expert.userId, body: "已与对方沟通。", createdAt: at(31) });
    setClock(at(37.01));
    await sweepDeadlines();
    await sweepDeadlines();
    const escalations = async (id: string) => (await breachEvents(id)).filter((e) => (e.data as { kind: string }).kind === "stale");
    expect(await escalations(silent)).toHaveLength(1);
    expect(await clockOf("stale", silent)).toMatchObject({ breachedAt: at(37.01), doneAt: null });
    expect(await escalations(talked)).toHaveLength(0);
    expect(await clockOf("stale", talked)).toMatchObject({ doneAt: at(31), breachedAt: null });

    // a new silence after the message is a new episode: reminded again 30 days after it
    setClock(at(61.01));
    await sweepDeadlines();
    const episodes = await db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.requestId, talked), eq(deadlines.kind, "stale")));
    expect(episodes.map((e) => e.startedAt.getTime()).sort()).toEqual([acceptedAt.getTime(), at(31).getTime()]);
    expect(await staleReminders(talked)).toHaveLength(2);
  });
});

describe("sweeps at the same time", () => {
  it("send nothing twice (two sweeps at once)", async () => {
    const ids = await Promise.all([1, 2, 3].map(() => submitted(china("2026-11-30 09:00"))));
    clock("2026-11-30 09:05");
    await Promise.all([sweepDeadlines(), sweepDeadlines()]);
    clock("2026-11-30 16:31");
    await Promise.all([sweepDeadlines(), sweepDeadlines()]);
    clock("2026-12-01 09:31");
    await Promise.all([sweepDeadlines(), sweepDeadlines(), sweepDeadlines()]);
    for (const id of ids) {
      expect(await told("deadline.reminder", id)).toEqual(sorted(admin, districtAdmin));
      expect(await told("deadline.breached", id)).toEqual(sorted(admin, districtAdmin));
      expect(await breachEvents(id)).toHaveLength(1);
      expect(await db.select().from(deadlines).where(eq(deadlines.requestId, id))).toHaveLength(1);
    }
  });
});

describe("renewals", () => {
  it("remind the expert and the district's admins 90, 30 and 7 days before the term ends, once each", async () => {
    const renewing = await createExpertActor({ termStart: "2024-03-01", termYears: 3 });
    const [row] = await db.select({ termEnd: experts.termEnd }).from(experts).where(eq(experts.id, renewing.expertId!));
    const end = new Date(`${row!.termEnd}T00:00:00+08:00`);
    const before = (days: number) => setClock(new Date(end.getTime() - days * DAY + 10 * 3_600_000));
    const renewalNotes = async () =>
      (
        await db
          .select({ userId: notifications.userId, data: notifications.data })
          .from(notifications)
          .where(eq(notifications.kind, "expert.renewal"))
      ).filter((n) => (n.data as { expertId: string }).expertId === renewing.expertId);
    before(91);
    await sweepDeadlines();
    expect(await renewalNotes()).toEqual([]);
    for (const [days, count] of [
      [90, 1],
      [89, 1],
      [30, 2],
      [30, 2],
      [7, 3],
      [1, 3],
    ] as const) {
      before(days);
      await Promise.all([sweepDeadlines(), sweepDeadlines()]);
      const notes = await renewalNotes();
      expect(notes.filter((n) => n.userId === renewing.userId)).toHaveLength(count);
      expect(notes.filter((n) => n.userId === districtAdmin.userId)).toHaveLength(count);
      expect(notes.filter((n) => n.userId === otherDistrictAdmin.userId)).toHaveLength(0);
    }
    expect(
      (await renewalNotes())
        .filter((n) => n.userId === renewing.userId)
        .map((n) => (n.data as { days: number }).days)
        .sort(),
    ).toEqual([30, 7, 90]);
  });

  it("a term first seen within a week is told once, of the nearest stage", async () => {
    const late = await createExpertActor({ termStart: "2024-06-01", termYears: 3 });
    const [row] = await db.select({ termEnd: experts.termEnd }).from(experts).where(eq(experts.id, late.expertId!));
    setClock(new Date(new Date(`${row!.termEnd}T00:00:00+08:00`).getTime() - 5 * DAY));
    await sweepDeadlines();
    await sweepDeadlines();
    const mine = await db
      .select({ data: notifications.data })
      .from(notifications)
      .where(and(eq(notifications.kind, "expert.renewal"), eq(notifications.userId, late.userId)));
    expect(mine.map((n) => (n.data as { days: number }).days)).toEqual([7]);
    expect(await db.select().from(renewalReminders).where(eq(renewalReminders.expertId, late.expertId!))).toHaveLength(3);
  });
});
