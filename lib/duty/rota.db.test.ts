import { and, asc, eq, inArray } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as cancelRoute } from "@/app/api/v1/duty-sessions/[id]/cancel/route";
import { POST as confirmRoute } from "@/app/api/v1/duty-sessions/[id]/confirm/route";
import { POST as declineRoute } from "@/app/api/v1/duty-sessions/[id]/decline/route";
import { GET as listRoute, POST as planRoute } from "@/app/api/v1/stations/[id]/duty-sessions/route";
import { confirmAllDutyAction } from "@/app/(portal)/duty/actions";
import { planDutyAction } from "@/app/(portal)/rota/actions";
import { db } from "@/db";
import { dutyBookings, dutyExpertHalves, dutySessions, events, notifications, stations } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { drainJobs } from "@/lib/jobs/queue";
import { describeNotification, notificationPath } from "@/lib/notifications/describe";
import { composeNotificationEmail } from "@/lib/notifications/email-content";
import { translator } from "@/lib/i18n/translate";
import { callActionAs } from "@/test/action-caller";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "@/test/fixtures";
import { listRotaForPlanner } from "./queries";

vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

useTestDatabase();

// 2026-09-01 is a Tuesday in China; the fixture experts' appointments run 2025-01-01 to 2028-01-01.
const SEPTEMBER = new Date("2026-09-01T09:00:00+08:00");
beforeEach(() => setClock(SEPTEMBER));
afterEach(() => setClock(null));

let station: Actor; // staff of a station in 罗星街道, 嘉善县
let otherStation: Actor; // staff of another station of the same district
let jiashanAdmin: Actor;
let qingpuAdmin: Actor;
let zoneAdmin: Actor;
let enterprise: Actor;

beforeAll(async () => {
  station = await createStationActor("330421002");
  otherStation = await createStationActor("330421002");
  jiashanAdmin = await createAdminActor("330421");
  qingpuAdmin = await createAdminActor("310118");
  zoneAdmin = await createAdminActor();
  enterprise = await createEnterpriseActor();
});

const tokens = new Map<string, string>();
async function headersOf(as: Actor | null, body?: unknown): Promise<Record<string, string>> {
  const headers: Record<string, string> = body === undefined ? {} : { "content-type": "application/json" };
  if (!as) return headers;
  if (!tokens.has(as.userId)) tokens.set(as.userId, await bearerFor(as));
  return { ...headers, authorization: `Bearer ${tokens.get(as.userId)}` };
}

type Answer = { status: number; body: Record<string, unknown> & { error?: { code: string; message: string; fields?: Record<string, string> } } };

async function answer(response: Response): Promise<Answer> {
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

async function plan(as: Actor | null, stationId: string, body: Record<string, unknown>) {
  const request = new Request(`http://localhost/api/v1/stations/${stationId}/duty-sessions`, {
    method: "POST",
    headers: await headersOf(as, body),
    body: JSON.stringify(body),
  });
  return answer(await planRoute(request, { params: Promise.resolve({ id: stationId }) }));
}

async function list(stationId: string, query = "") {
  const request = new Request(`http://localhost/api/v1/stations/${stationId}/duty-sessions${query ? `?${query}` : ""}`);
  return answer(await listRoute(request, { params: Promise.resolve({ id: stationId }) }));
}

const routes = { confirm: confirmRoute, decline: declineRoute, cancel: cancelRoute };
async function act(verb: keyof typeof routes, as: Actor, sessionId: string, body?: Record<string, unknown>) {
  const request = new Request(`http://localhost/api/v1/duty-sessions/${sessionId}/${verb}`, {
    method: "POST",
    headers: await headersOf(as, body),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return answer(await routes[verb](request, { params: Promise.resolve({ id: sessionId }) }));
}

const stationOf = (staff: Actor) => staff.stationId!;
const sessionRow = async (id: string) => (await db.select().from(dutySessions).where(eq(dutySessions.id, id)))[0]!;
const halvesOf = async (expertId: string) =>
  db
    .select({ date: dutyExpertHalves.date, half: dutyExpertHalves.half })
    .from(dutyExpertHalves)
    .where(eq(dutyExpertHalves.expertId, expertId))
    .orderBy(asc(dutyExpertHalves.date), asc(dutyExpertHalves.half));
const noticesOf = async (userId: string, kind: string) =>
  db
    .select({ data: notifications.data })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
const one =
  (date: string, extra: Record<string, unknown> = {}) =>
  (expert: Actor) => ({ expertId: expert.expertId, date, period: "am", slots: 6, ...extra });

describe("planning a duty session", () => {
  it("plans one session for an appointed expert: 201 with its id, the half-day held, an event of the district, the expert told in the inbox and by mail", async () => {
    const expert = await createExpertActor({ name: "沈律师" });
    const { status, body } = await plan(station, stationOf(station), one("2026-09-08", { period: "day", slots: 8 })(expert));
    expect(status).toBe(201);
    const ids = body.ids as string[];
    expect(ids).toHaveLength(1);
    expect(body.skipped).toEqual([]);
    expect(await sessionRow(ids[0]!)).toMatchObject({
      expertId: expert.expertId,
      date: "2026-09-08",
      period: "day",
      slots: 8,
      booked: 0,
      status: "planned",
      seriesId: null,
      plannedBy: station.userId,
    });
    expect(await halvesOf(expert.expertId!)).toEqual([
      { date: "2026-09-08", half: "am" },
      { date: "2026-09-08", half: "pm" },
    ]);
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.entityId, ids[0]!), eq(events.type, "duty.planned")));
    expect(event).toMatchObject({ entityType: "duty_session", regionCode: "330421", actorUserId: station.userId });

    const [notice] = await noticesOf(expert.userId, "duty.planned");
    expect(notice?.data).toMatchObject({ count: 1, first: "2026-09-08", period: "day" });
    const zh = describeNotification(translator("zh-CN"), { kind: "duty.planned", data: notice!.data as Record<string, unknown> });
    expect(zh.headline).toContain("2026-09-08 全天");
    expect(notificationPath({ kind: "duty.planned", data: notice!.data as Record<string, unknown> })).toBe("/duty");
    // The mail job is queued with the notice and goes out in the expert's language, leading to their sessions.
    expect((await drainJobs("notification.email")).ran).toBeGreaterThanOrEqual(1);
    const mail = composeNotificationEmail({
      kind: "duty.planned",
      data: notice!.data as Record<string, unknown>,
      recipientName: "沈律师",
      locale: "zh-CN",
      baseUrl: "https://example.org",
    });
    expect(mail.subject).toContain("2026-09-08");
    expect(mail.text).toContain("https://example.org/duty");
  });

  it("plans a weekly series in one step, leaving out National Day: one series, one notice", async () => {
    const expert = await createExpertActor();
    // Thursdays from 17 September to 15 October 2026; 1 October is National Day.
    const { status, body } = await plan(
      jiashanAdmin,
      stationOf(station),
      one("2026-09-17", { repeat: { everyWeeks: 1, until: "2026-10-15" } })(expert),
    );
    expect(status).toBe(201);
    expect(body.skipped).toEqual(["2026-10-01"]);
    const rows = await db
      .select({ date: dutySessions.date, seriesId: dutySessions.seriesId })
      .from(dutySessions)
      .where(inArray(dutySessions.id, body.ids as string[]))
      .orderBy(asc(dutySessions.date));
    expect(rows.map((r) => r.date)).toEqual(["2026-09-17", "2026-09-24", "2026-10-08", "2026-10-15"]);
    expect(new Set(rows.map((r) => r.seriesId)).size).toBe(1);
    expect(rows[0]!.seriesId).not.toBeNull();
    const notices = await noticesOf(expert.userId, "duty.planned");
    expect(notices).toHaveLength(1);
    expect(notices[0]!.data).toMatchObject({ count: 4, first: "2026-09-17", last: "2026-10-15" });
    // Every other week on Saturdays keeps 10 October, a working Saturday (调休), and drops 26 September (Mid-Autumn).
    const saturdays = await plan(station, stationOf(station), one("2026-09-12", { repeat: { everyWeeks: 2, until: "2026-10-10" } })(expert));
    expect(saturdays.status).toBe(201);
    expect(saturdays.body.skipped).toEqual(["2026-09-26"]);
    expect((saturdays.body.ids as string[]).length).toBe(2);
  });

  it("refuses a second place at the same time with 409 naming the date, and a clashing series saves nothing", async () => {
    const expert = await createExpertActor({ name: "顾律师" });
    expect((await plan(station, stationOf(station), one("2026-09-29")(expert))).status).toBe(201);
    // Another station, the whole day: the morning is taken.
    const clash = await plan(otherStation, stationOf(otherStation), one("2026-09-29", { period: "day" })(expert));
    expect(clash.status).toBe(409);
    expect(clash.body.error?.message).toContain("2026-09-29");
    expect(clash.body.error?.message).toContain("顾律师");
    const [first] = await db
      .select({ name: stations.name })
      .from(stations)
      .where(eq(stations.id, stationOf(station)));
    expect(clash.body.error?.message).toContain(first!.name);
    // The afternoon is free.
    expect((await plan(otherStation, stationOf(otherStation), one("2026-09-29", { period: "pm" })(expert))).status).toBe(201);

    // A weekly series whose fourth Tuesday is taken fails whole.
    const before = await db.$count(dutySessions, eq(dutySessions.expertId, expert.expertId!));
    const series = await plan(otherStation, stationOf(otherStation), one("2026-09-08", { repeat: { everyWeeks: 1, until: "2026-10-20" } })(expert));
    expect(series.status).toBe(409);
    expect(series.body.error?.message).toContain("2026-09-29");
    expect(await db.$count(dutySessions, eq(dutySessions.expertId, expert.expertId!))).toBe(before);
    expect((await halvesOf(expert.expertId!)).map((h) => `${h.date} ${h.half}`)).toEqual(["2026-09-29 am", "2026-09-29 pm"]);
    expect(await noticesOf(expert.userId, "duty.planned")).toHaveLength(2);
  });

  it("plans only experts with a current appointment, and not past its end", async () => {
    const suspended = await createExpertActor({ status: "suspended" });
    const expired = await createExpertActor({ termStart: "2023-01-01", termYears: 3 }); // ended 2026-01-01
    const notYet = await createExpertActor({ termStart: "2026-12-01" });
    const pending = await createExpertActor({ status: "pending", termStart: null });
    for (const expert of [suspended, expired, notYet, pending]) {
      const { status, body } = await plan(station, stationOf(station), one("2026-09-10")(expert));
      expect(status).toBe(422);
      expect(Object.keys(body.error?.fields ?? {})).toEqual(["expertId"]);
    }
    const ending = await createExpertActor({ termStart: "2024-01-15", termYears: 3 }); // ends 2027-01-15
    expect((await plan(station, stationOf(station), one("2027-01-15")(ending))).body.error?.fields).toHaveProperty("date");
    const series = await plan(station, stationOf(station), one("2026-12-31", { repeat: { everyWeeks: 1, until: "2027-02-01" } })(ending));
    expect(series.body.error?.fields).toHaveProperty(["repeat.until"]);
    expect(await db.$count(dutySessions, eq(dutySessions.expertId, ending.expertId!))).toBe(0);
  });

  it("is for the station's staff and its district's admins: other stations' staff and other districts' admins 403", async () => {
    const expert = await createExpertActor();
    const body = one("2026-09-15")(expert);
    expect((await plan(otherStation, stationOf(station), body)).status).toBe(403);
    expect((await plan(qingpuAdmin, stationOf(station), body)).status).toBe(403);
    expect((await plan(expert, stationOf(station), body)).status).toBe(403);
    expect((await plan(enterprise, stationOf(station), body)).status).toBe(403);
    expect((await plan(null, stationOf(station), body)).status).toBe(401);
    expect(await db.$count(dutySessions, eq(dutySessions.expertId, expert.expertId!))).toBe(0);
    expect((await plan(zoneAdmin, stationOf(station), body)).status).toBe(201);
    expect((await plan(station, "00000000-0000-4000-8000-000000000000", one("2026-09-16")(expert))).status).toBe(404);
  });

  it("refuses a past date, a closed station, bad slots and a pattern over a year, naming the field", async () => {
    const expert = await createExpertActor();
    const past = await plan(station, stationOf(station), one("2026-08-31")(expert));
    expect(past.status).toBe(422);
    expect(past.body.error?.fields).toHaveProperty("date");
    // Today is fine.
    expect((await plan(station, stationOf(station), one("2026-09-01")(expert))).status).toBe(201);
    expect((await plan(station, stationOf(station), one("2026-09-02", { slots: 0 })(expert))).body.error?.fields).toHaveProperty("slots");
    expect((await plan(station, stationOf(station), one("2026-09-02", { period: "evening" })(expert))).body.error?.fields).toHaveProperty("period");
    const tooLong = await plan(station, stationOf(station), one("2026-09-02", { repeat: { everyWeeks: 1, until: "2027-09-10" } })(expert));
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error?.fields).toHaveProperty(["repeat.until"]);

    const closing = await createStationActor("330421002");
    await db
      .update(stations)
      .set({ closedAt: new Date() })
      .where(eq(stations.id, stationOf(closing)));
    expect((await plan(closing, stationOf(closing), one("2026-09-03")(expert))).status).toBe(409);
  });

  it("names the pattern's field in the plan form's answer", async () => {
    const expert = await createExpertActor();
    const result = await callActionAs(station, planDutyAction, {
      stationId: stationOf(station),
      expertId: expert.expertId!,
      date: "2026-09-09",
      period: "pm",
      slots: "4",
      repeat: { everyWeeks: "1", until: "2026-09-01" },
    });
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fields: { "repeat.until": expect.any(String) } });
    expect(
      await callActionAs(station, planDutyAction, {
        stationId: stationOf(station),
        expertId: expert.expertId!,
        date: "2026-09-09",
        period: "pm",
        slots: "4",
      }),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe("the expert's answer", () => {
  it("confirms once; another expert's session is not found; a confirmed session cannot be declined", async () => {
    const expert = await createExpertActor();
    const other = await createExpertActor();
    const id = ((await plan(station, stationOf(station), one("2026-09-10")(expert))).body.ids as string[])[0]!;
    expect((await act("confirm", other, id)).status).toBe(404);
    expect((await act("confirm", station, id)).status).toBe(403);
    const confirmed = await act("confirm", expert, id);
    expect(confirmed).toMatchObject({ status: 200, body: { id, status: "confirmed" } });
    expect(await sessionRow(id)).toMatchObject({ status: "confirmed" });
    expect((await act("confirm", expert, id)).status).toBe(409);
    expect((await act("decline", expert, id, { reason: "临时有事" })).status).toBe(409);
    expect(await db.$count(events, and(eq(events.entityId, id), eq(events.type, "duty.confirmed"), eq(events.regionCode, "330421")))).toBe(1);
  });

  it("declines with a reason: the half-day is free again, the planner told, the rota shows why", async () => {
    const expert = await createExpertActor({ name: "钱律师" });
    const id = ((await plan(station, stationOf(station), one("2026-09-11")(expert))).body.ids as string[])[0]!;
    const noReason = await act("decline", expert, id, { reason: "  " });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error?.fields).toHaveProperty("reason");
    expect(await act("decline", expert, id, { reason: "当天在杭州开庭" })).toMatchObject({ status: 200, body: { status: "declined" } });
    expect(await sessionRow(id)).toMatchObject({ status: "declined", reason: "当天在杭州开庭" });
    expect(await halvesOf(expert.expertId!)).toEqual([]);
    const [notice] = await noticesOf(station.userId, "duty.declined");
    expect(notice?.data).toMatchObject({ reason: "当天在杭州开庭", date: "2026-09-11", expertName: "钱律师", forAdmin: false });
    const described = describeNotification(translator("en"), { kind: "duty.declined", data: notice!.data as Record<string, unknown> });
    expect(described.headline).toContain("钱律师 declined");
    expect(described.details).toContain("Reason: 当天在杭州开庭");
    expect(notificationPath({ kind: "duty.declined", data: notice!.data as Record<string, unknown> })).toBe("/rota");
    expect(await db.$count(events, and(eq(events.entityId, id), eq(events.type, "duty.declined"), eq(events.reason, "当天在杭州开庭")))).toBe(1);
    const rota = await listRotaForPlanner(station, stationOf(station), { from: "2026-09-11", to: "2026-09-11" });
    expect(rota.sessions.find((s) => s.id === id)).toMatchObject({ status: "declined", reason: "当天在杭州开庭" });
    // The slot can be planned again, for the same expert too.
    expect((await plan(station, stationOf(station), one("2026-09-11")(expert))).status).toBe(201);
    // Declining again: 409.
    expect((await act("decline", expert, id, { reason: "again" })).status).toBe(409);
  });

  it("confirms all of a series at once from the page, leaving what is not theirs or not awaiting an answer", async () => {
    const expert = await createExpertActor();
    const other = await createExpertActor();
    const ids = (await plan(station, stationOf(station), one("2026-09-21", { repeat: { everyWeeks: 1, until: "2026-10-12" } })(expert))).body
      .ids as string[];
    const [theirs] = (await plan(station, stationOf(station), one("2026-09-22")(other))).body.ids as string[];
    await act("decline", expert, ids[0]!, { reason: "出差" });
    const result = await callActionAs(expert, confirmAllDutyAction, { sessionIds: [...ids, theirs!] });
    expect(result).toMatchObject({ ok: true, data: { ids: expect.arrayContaining(ids.slice(1)) } });
    expect(result.ok && result.data.ids).toHaveLength(ids.length - 1);
    const statuses = await db
      .select({ id: dutySessions.id, status: dutySessions.status })
      .from(dutySessions)
      .where(inArray(dutySessions.id, [...ids, theirs!]));
    expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({
      [ids[0]!]: "declined",
      ...Object.fromEntries(ids.slice(1).map((id) => [id, "confirmed"])),
      [theirs!]: "planned",
    });
    expect(await db.$count(events, and(inArray(events.entityId, ids), eq(events.type, "duty.confirmed")))).toBe(ids.length - 1);
    expect(await callActionAs(expert, confirmAllDutyAction, { sessionIds: ids })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("cannot answer a session that is over", async () => {
    const expert = await createExpertActor();
    const id = ((await plan(station, stationOf(station), one("2026-09-04")(expert))).body.ids as string[])[0]!;
    setClock(new Date("2026-09-05T08:00:00+08:00"));
    const late = await act("confirm", expert, id);
    expect(late.status).toBe(409);
    expect((await act("decline", expert, id, { reason: "太迟" })).status).toBe(409);
    expect(await sessionRow(id)).toMatchObject({ status: "planned" });
  });
});

describe("cancelling a session", () => {
  async function booking(sessionId: string, by: Actor, phone: string) {
    await db.insert(dutyBookings).values({ sessionId, bookedBy: by.userId, topic: "货款拖欠", contactName: "张经理", contactPhone: phone });
    const [row] = await db.select({ booked: dutySessions.booked }).from(dutySessions).where(eq(dutySessions.id, sessionId));
    await db
      .update(dutySessions)
      .set({ booked: row!.booked + 1 })
      .where(eq(dutySessions.id, sessionId));
  }

  it("by a planner: the half-day freed, live bookings cancelled, the expert and each booker told", async () => {
    const expert = await createExpertActor();
    const id = ((await plan(station, stationOf(station), one("2026-09-18")(expert))).body.ids as string[])[0]!;
    await act("confirm", expert, id);
    await booking(id, enterprise, "13800000001");
    await booking(id, station, "13800000002");
    await booking(id, station, "13800000003");
    await db
      .insert(dutyBookings)
      .values({ sessionId: id, bookedBy: enterprise.userId, topic: "已取消", contactName: "李", contactPhone: "13800000004", status: "cancelled" });

    expect((await act("cancel", otherStation, id)).status).toBe(403);
    expect((await act("cancel", qingpuAdmin, id)).status).toBe(403);
    expect((await act("cancel", expert, id)).status).toBe(403);
    expect(await act("cancel", jiashanAdmin, id, { reason: "服务站停电" })).toMatchObject({ status: 200, body: { id, status: "cancelled" } });
    expect(await sessionRow(id)).toMatchObject({ status: "cancelled", reason: "服务站停电", booked: 0 });
    expect(await halvesOf(expert.expertId!)).toEqual([]);
    const statuses = await db.select({ status: dutyBookings.status }).from(dutyBookings).where(eq(dutyBookings.sessionId, id));
    expect(statuses.map((s) => s.status)).toEqual(["cancelled", "cancelled", "cancelled", "cancelled"]);

    const [toExpert] = await noticesOf(expert.userId, "duty.cancelled");
    expect(toExpert?.data).toMatchObject({ audience: "expert", reason: "服务站停电" });
    const toCompany = await noticesOf(enterprise.userId, "duty.cancelled");
    expect(toCompany.map((n) => n.data)).toEqual([expect.objectContaining({ audience: "booker", bookings: 1 })]);
    const toStaff = await noticesOf(station.userId, "duty.cancelled");
    expect(toStaff.map((n) => n.data)).toEqual([expect.objectContaining({ audience: "booker", bookings: 2 })]);
    expect(describeNotification(translator("zh-CN"), { kind: "duty.cancelled", data: toStaff[0]!.data as Record<string, unknown> }).details).toEqual([
      "原因：服务站停电",
      "被取消的预约：2 个",
    ]);
    expect(await db.$count(events, and(eq(events.entityId, id), eq(events.type, "duty.cancelled"), eq(events.regionCode, "330421")))).toBe(1);
    // Twice: 409.
    expect((await act("cancel", station, id)).status).toBe(409);
  });

  it("a declined, held or past session cannot be cancelled; a planned one can, without a reason", async () => {
    const expert = await createExpertActor();
    const ids = (await plan(station, stationOf(station), one("2026-09-02", { repeat: { everyWeeks: 1, until: "2026-09-23" } })(expert))).body
      .ids as string[];
    await act("decline", expert, ids[1]!, { reason: "出差" });
    expect((await act("cancel", station, ids[1]!)).status).toBe(409);
    await db.update(dutySessions).set({ status: "held" }).where(eq(dutySessions.id, ids[2]!));
    const heldAnswer = await act("cancel", station, ids[2]!);
    expect(heldAnswer.status).toBe(409);
    expect(await sessionRow(ids[2]!)).toMatchObject({ status: "held" });
    expect((await act("cancel", station, ids[3]!)).status).toBe(200);
    setClock(new Date("2026-09-03T08:00:00+08:00"));
    expect((await act("cancel", station, ids[0]!)).status).toBe(409);
    expect(await sessionRow(ids[0]!)).toMatchObject({ status: "planned" });
  });
});

describe("GET /api/v1/stations/{id}/duty-sessions", () => {
  it("lists anyone the station's sessions, awaiting confirmation included, by date; eight weeks from today by default", async () => {
    const host = await createStationActor("330421102");
    const a = await createExpertActor({ name: "甲律师" });
    const b = await createExpertActor({ name: "乙律师" });
    const [pm] = (await plan(host, stationOf(host), one("2026-09-07", { period: "pm" })(a))).body.ids as string[];
    const [am] = (await plan(host, stationOf(host), one("2026-09-07")(b))).body.ids as string[];
    const [late] = (await plan(host, stationOf(host), one("2026-10-27")(a))).body.ids as string[];
    const [later] = (await plan(host, stationOf(host), one("2026-11-20")(a))).body.ids as string[];
    await act("confirm", b, am!);
    const { status, body } = await list(stationOf(host));
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: "2026-09-01", to: "2026-10-27" });
    expect(body.items).toEqual([
      { id: am, expertId: b.expertId, expertName: "乙律师", date: "2026-09-07", period: "am", slots: 6, booked: 0, status: "confirmed" },
      { id: pm, expertId: a.expertId, expertName: "甲律师", date: "2026-09-07", period: "pm", slots: 6, booked: 0, status: "planned" },
      { id: late, expertId: a.expertId, expertName: "甲律师", date: "2026-10-27", period: "am", slots: 6, booked: 0, status: "planned" },
    ]);
    expect(((await list(stationOf(host), "from=2026-11-01&to=2026-11-30")).body.items as { id: string }[]).map((i) => i.id)).toEqual([later]);
  });

  it("answers 422 for a range over a year or backwards, and 404 for no such station", async () => {
    expect((await list(stationOf(station), "from=2026-01-01&to=2027-01-03")).status).toBe(422);
    expect((await list(stationOf(station), "from=2026-01-01&to=2027-01-02")).status).toBe(200);
    const backwards = await list(stationOf(station), "from=2026-10-01&to=2026-09-01");
    expect(backwards.status).toBe(422);
    expect(backwards.body.error?.fields).toHaveProperty("to");
    expect((await list(stationOf(station), "to=2028-01-01")).status).toBe(422);
    expect((await list(stationOf(station), "from=2026-02-30")).status).toBe(422);
    expect((await list("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("planning the same expert at the same time from many stations at once", () => {
  it("lets exactly one plan through, and the others get 409 (on PostgreSQL truly at once)", async () => {
    const planners = await Promise.all(Array.from({ length: 8 }, () => createStationActor("330421002")));
    for (let round = 0; round < 4; round++) {
      const expert = await createExpertActor();
      const date = `2026-09-${String(14 + round).padStart(2, "0")}`;
      await Promise.all(planners.map((p) => headersOf(p, {})));
      const answers = await Promise.all(planners.map((p, i) => plan(p, stationOf(p), one(date, { period: i % 3 === 0 ? "day" : "am" })(expert))));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(planners.length - 1);
      const live = await db.$count(dutySessions, eq(dutySessions.expertId, expert.expertId!));
      expect(live).toBe(1);
      expect((await halvesOf(expert.expertId!)).filter((h) => h.half === "am")).toHaveLength(1);
    }
  });
});
