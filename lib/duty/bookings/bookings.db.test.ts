import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as bookRoute } from "@/app/api/v1/duty-sessions/[id]/bookings/route";
import { POST as cancelRoute } from "@/app/api/v1/bookings/[id]/cancel/route";
import { db } from "@/db";
import { dutyBookings, dutySessions, events, notifications, users } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { translator } from "@/lib/i18n/translate";
import { describeNotification, notificationPath } from "@/lib/notifications/describe";
import { composeNotificationEmail } from "@/lib/notifications/email-content";
import { useTestDatabase } from "@/test/database";
import { createDutySession } from "@/test/duty-session";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "@/test/fixtures";
import { bookConsultation } from "./book-consultation";
import { cancelBooking } from "./cancel-booking";
import { listBookingsOfBooker, listComingSessions } from "./queries";

/**
 * Booking a consultation (约诊) on a duty session, and cancelling it. The clock stands on Monday
 * 11 May 2026, 09:00 China time; "today" is that date in Asia/Shanghai.
 */
useTestDatabase();
afterEach(() => setClock(null));

const MONDAY = new Date("2026-05-11T09:00:00+08:00");
const TODAY = "2026-05-11";
const WEDNESDAY = "2026-05-13";

let enterprise: Actor;
let staff: Actor;
let expert: Actor;

beforeAll(async () => {
  enterprise = await createEnterpriseActor();
  staff = await createStationActor();
  expert = await createExpertActor({ serviceModes: ["onsite", "booked"] });
});

/** A session at the staff's station (Wednesday morning, 3 places, confirmed, a fresh expert unless told). */
const session = (
  options: { date?: string; slots?: number; status?: "planned" | "confirmed" | "held" | "cancelled" | "declined"; expertId?: string } = {},
) =>
  createDutySession({
    stationId: staff.stationId!,
    expertId: options.expertId,
    date: options.date ?? WEDNESDAY,
    slots: options.slots,
    status: options.status,
  });

let phoneSerial = 0;
const aPhone = () => `1380000${String((phoneSerial += 1)).padStart(4, "0")}`;
const input = (phone = aPhone()) => ({ topic: "客户拖欠货款三个月，如何催收", contactName: "王女士", contactPhone: phone });

async function call(
  route: typeof bookRoute,
  path: string,
  id: string,
  actor: Actor | null,
  body?: unknown,
): Promise<{ status: number; body: { id?: string; status?: string; error?: { code: string; fields?: Record<string, string> } } }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (actor) headers.authorization = `Bearer ${await bearerFor(actor)}`;
  const response = await route(
    new Request(`http://localhost/api/v1/${path}`, { method: "POST", headers, body: body === undefined ? undefined : JSON.stringify(body) }),
    {
      params: Promise.resolve({ id }),
    },
  );
  return { status: response.status, body: (await response.json()) as never };
}
const book = (sessionId: string, actor: Actor | null, body: unknown = input()) =>
  call(bookRoute, `duty-sessions/${sessionId}/bookings`, sessionId, actor, body);
const cancel = (bookingId: string, actor: Actor | null) => call(cancelRoute, `bookings/${bookingId}/cancel`, bookingId, actor);

const bookedCount = async (sessionId: string) =>
  (await db.select({ booked: dutySessions.booked }).from(dutySessions).where(eq(dutySessions.id, sessionId)))[0]!.booked;
const bookingRow = async (id: string) => (await db.select().from(dutyBookings).where(eq(dutyBookings.id, id)))[0]!;
const kindsFor = async (userId: string) =>
  (await db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind);

describe("booking a consultation", () => {
  it("a company member books for the company: 201, one place taken, the booker confirmed in the inbox and by mail, the expert and staff told", async () => {
    setClock(MONDAY);
    const s = await session({ expertId: expert.expertId! });
    const result = await book(s.id, enterprise);
    expect(result).toMatchObject({ status: 201, body: { status: "booked" } });
    const row = await bookingRow(result.body.id!);
    expect(row).toMatchObject({
      sessionId: s.id,
      bookedBy: enterprise.userId,
      enterpriseId: enterprise.enterpriseId,
      status: "booked",
      contactName: "王女士",
    });
    expect(await bookedCount(s.id)).toBe(1);

    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.entityId, row.id), eq(events.type, "booking.booked")));
    expect(event).toMatchObject({ entityType: "duty_booking", regionCode: "330421", actorUserId: enterprise.userId });

    expect(await kindsFor(enterprise.userId)).toContain("booking.confirmed");
    expect(await kindsFor(staff.userId)).toContain("booking.new");
    expect(await kindsFor(expert.userId)).toContain("booking.new");
    const [expertNotice] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, expert.userId), eq(notifications.kind, "booking.new")));
    expect(notificationPath({ kind: expertNotice!.kind, data: expertNotice!.data as Record<string, unknown> })).toBe("/duty/consultations");
    // The mail says the same as the inbox, in the booker's language, and leads to their bookings.
    const [notice] = await db
      .select({ kind: notifications.kind, data: notifications.data })
      .from(notifications)
      .where(and(eq(notifications.userId, enterprise.userId), eq(notifications.kind, "booking.confirmed")));
    const mail = composeNotificationEmail({
      ...notice!,
      data: notice!.data as Record<string, unknown>,
      recipientName: "张经理",
      locale: "zh-CN",
      baseUrl: "https://roster.example",
    });
    expect(mail.subject).toContain("预约成功：2026-05-13 上午");
    expect(mail.text).toContain("“客户拖欠货款三个月，如何催收”");
    expect(mail.text).toContain("https://roster.example/bookings");
    const english = composeNotificationEmail({
      ...notice!,
      data: notice!.data as Record<string, unknown>,
      recipientName: "Zhang",
      locale: "en",
      baseUrl: "https://roster.example",
    });
    expect(english.subject).toContain("Booked: 2026-05-13 morning");
    const byStaff = describeNotification(translator("en"), { kind: "booking.cancelled", data: { ...(notice!.data as object), audience: "booker" } });
    expect(byStaff.headline).toMatch(/^The station cancelled your booking: 2026-05-13 morning at /);
  });

  it("station staff book several places of one session, one per caller: the same phone twice -> 409 and nothing taken", async () => {
    setClock(MONDAY);
    const s = await session({ slots: 5 });
    expect((await book(s.id, staff, input("13900001111"))).status).toBe(201);
    expect((await book(s.id, staff, input("13900002222"))).status).toBe(201);
    const again = await book(s.id, staff, input("13900001111"));
    expect(again.status).toBe(409);
    expect(await bookedCount(s.id)).toBe(2);
    const rows = await db.select({ enterpriseId: dutyBookings.enterpriseId }).from(dutyBookings).where(eq(dutyBookings.sessionId, s.id));
    expect(rows).toEqual([{ enterpriseId: null }, { enterpriseId: null }]);
  });

  it("a company books one place per session; a colleague's second booking is refused (409)", async () => {
    setClock(MONDAY);
    const s = await session();
    expect((await book(s.id, enterprise)).status).toBe(201);
    const second = await book(s.id, enterprise);
    expect(second.status).toBe(409);
    expect(await bookedCount(s.id)).toBe(1);
  });

  it("staff of another station may not book this station's sessions (403); experts and admins may not book (403); anonymous 401", async () => {
    setClock(MONDAY);
    const s = await session();
    expect((await book(s.id, await createStationActor())).status).toBe(403);
    expect((await book(s.id, expert)).status).toBe(403);
    expect((await book(s.id, await createAdminActor())).status).toBe(403);
    expect((await book(s.id, null)).status).toBe(401);
    expect(await bookedCount(s.id)).toBe(0);
  });

  it("a full session answers 409 and takes no more than it has", async () => {
    setClock(MONDAY);
    const s = await session({ slots: 2 });
    expect((await book(s.id, staff)).status).toBe(201);
    expect((await book(s.id, staff)).status).toBe(201);
    const full = await book(s.id, enterprise);
    expect(full.status).toBe(409);
    expect(full.body.error?.code).toBe("conflict");
    expect(await bookedCount(s.id)).toBe(2);
  });

  it("only a planned or confirmed session on a day not past can be booked; staff may add a walk-in to today's held session", async () => {
    setClock(MONDAY);
    expect((await book((await session({ status: "planned" })).id, enterprise)).status).toBe(201);
    expect((await book((await session({ date: "2026-05-08" })).id, enterprise)).status).toBe(409);
    expect((await book((await session({ status: "cancelled" })).id, enterprise)).status).toBe(409);
    expect((await book((await session({ status: "declined" })).id, enterprise)).status).toBe(409);
    const held = await session({ date: TODAY, status: "held" });
    expect((await book(held.id, enterprise)).status).toBe(409);
    expect((await book(held.id, staff)).status).toBe(201);
    // Today's session not yet under way is bookable by a company too: the day is not past.
    expect((await book((await session({ date: TODAY })).id, enterprise)).status).toBe(201);
    // Late in the evening of the 10th in UTC it is already the 11th in China: the 10th is past.
    setClock(new Date("2026-05-10T17:00:00Z"));
    expect((await book((await session({ date: "2026-05-10" })).id, enterprise)).status).toBe(409);
  });

  it("answers 404 for an unknown session and 422, field by field, for bad input", async () => {
    setClock(MONDAY);
    expect((await book("00000000-0000-4000-8000-000000000000", enterprise)).status).toBe(404);
    expect((await book("not-a-uuid", enterprise)).status).toBe(404);
    const s = await session();
    const bad = await book(s.id, enterprise, { topic: " ", contactName: "王女士", contactPhone: "call me" });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error?.fields ?? {}).sort()).toEqual(["contactPhone", "topic"]);
    expect(await bookedCount(s.id)).toBe(0);
  });

  it("20 simultaneous bookings (different phones) of a 3-place session: exactly 3 x 201 and 17 x 409, booked = 3", async () => {
    // On PostgreSQL (DATABASE_URL) these really run at once on separate connections; on PGlite
    // they queue on its one connection, and the answers must be the same.
    setClock(MONDAY);
    const s = await session({ slots: 3 });
    const token = await bearerFor(staff);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const response = await bookRoute(
          new Request(`http://localhost/api/v1/duty-sessions/${s.id}/bookings`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            body: JSON.stringify(input(`1370000${String(i).padStart(4, "0")}`)),
          }),
          { params: Promise.resolve({ id: s.id }) },
        );
        return response.status;
      }),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(17);
    expect(await bookedCount(s.id)).toBe(3);
    expect(await db.$count(dutyBookings, eq(dutyBookings.sessionId, s.id))).toBe(3);
  });
});

describe("cancelling a booking", () => {
  it("the booker cancels: the place is freed once, however often it is asked; the same phone may book again", async () => {
    setClock(MONDAY);
    const s = await session({ slots: 1 });
    const phone = aPhone();
    const booked = await book(s.id, enterprise, input(phone));
    expect(await bookedCount(s.id)).toBe(1);
    const cancelled = await cancel(booked.body.id!, enterprise);
    expect(cancelled).toMatchObject({ status: 200, body: { id: booked.body.id, status: "cancelled" } });
    expect(await bookedCount(s.id)).toBe(0);
    expect((await cancel(booked.body.id!, enterprise)).status).toBe(409);
    expect(await bookedCount(s.id)).toBe(0);
    expect((await bookingRow(booked.body.id!)).cancelledAt).not.toBeNull();
    // The place and the phone are free again.
    expect((await book(s.id, enterprise, input(phone))).status).toBe(201);
    expect(await bookedCount(s.id)).toBe(1);
  });

  it("5 simultaneous cancels of one booking: one 200, the rest 409, the counter decremented once", async () => {
    setClock(MONDAY);
    const s = await session({ slots: 3 });
    await book(s.id, staff);
    const target = await book(s.id, staff);
    expect(await bookedCount(s.id)).toBe(2);
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => cancelBooking(staff, target.body.id!)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected" && (o.reason as { code?: string }).code === "conflict")).toHaveLength(4);
    expect(await bookedCount(s.id)).toBe(1);
  });

  it("the station's staff may cancel a company's booking (the booker is told); a colleague or another company gets 404", async () => {
    setClock(MONDAY);
    const s = await session();
    const booked = await book(s.id, enterprise);
    const colleague = await createEnterpriseActor();
    await db.update(users).set({ enterpriseId: enterprise.enterpriseId }).where(eq(users.id, colleague.userId));
    expect((await cancel(booked.body.id!, colleague)).status).toBe(404);
    expect((await cancel(booked.body.id!, await createEnterpriseActor())).status).toBe(404);
    expect((await cancel(booked.body.id!, await createStationActor())).status).toBe(404);
    expect((await cancel(booked.body.id!, staff)).status).toBe(200);
    const [notice] = await db
      .select({ data: notifications.data })
      .from(notifications)
      .where(and(eq(notifications.userId, enterprise.userId), eq(notifications.kind, "booking.cancelled")));
    expect(notice?.data).toMatchObject({ audience: "booker", bookingId: booked.body.id });
  });

  it("cannot cancel once the session's day has passed (409)", async () => {
    setClock(MONDAY);
    const s = await session({ date: TODAY });
    const booked = await bookConsultation(enterprise, s.id, input());
    setClock(new Date("2026-05-12T08:00:00+08:00"));
    await expect(cancelBooking(enterprise, booked.id)).rejects.toMatchObject({ code: "conflict", messageKey: "bookings.errors.pastCancel" });
    expect(await bookedCount(s.id)).toBe(1);
  });
});

describe("what each sees", () => {
  it("the station's page lists its live sessions of the next eight weeks with the places left, soonest first", async () => {
    setClock(MONDAY);
    const station = await createStationActor();
    const at = (date: string, status: "planned" | "confirmed" | "cancelled" | "declined" = "confirmed", period: "am" | "pm" = "am") =>
      createDutySession({ stationId: station.stationId!, date, status, period, slots: 4 });
    const pm = await at(WEDNESDAY, "confirmed", "pm");
    const am = await at(WEDNESDAY);
    const planned = await at("2026-07-05", "planned");
    await at("2026-07-06"); // the 57th day: beyond eight weeks
    await at("2026-05-08"); // past
    await at("2026-05-20", "cancelled");
    await at("2026-05-21", "declined");
    await bookConsultation(station, am.id, input());
    const company = await createEnterpriseActor();
    await bookConsultation(company, pm.id, input());
    const listed = await listComingSessions(station.stationId!);
    expect(listed.map((s) => s.id)).toEqual([am.id, pm.id, planned.id]);
    expect(listed[0]).toMatchObject({ free: 3, booked: 1, slots: 4, specialties: ["contract", "debt_collection"] });
    expect(listed[2]!.status).toBe("planned");
    // The company that booked the afternoon sees it marked as booked by it (the page offers no second booking).
    expect((await listComingSessions(station.stationId!, company)).map((s) => s.bookedByMyCompany)).toEqual([false, true, false]);
    expect(listed.map((s) => s.bookedByMyCompany)).toEqual([false, false, false]);
  });

  it("a company member lists the bookings they made; station staff every booking of the station", async () => {
    setClock(MONDAY);
    const station = await createStationActor();
    const s = await createDutySession({ stationId: station.stationId!, date: WEDNESDAY });
    const company = await createEnterpriseActor();
    const mine = await bookConsultation(company, s.id, input());
    const theirs = await bookConsultation(station, s.id, input());
    expect((await listBookingsOfBooker(company)).map((b) => b.id)).toEqual([mine.id]);
    expect((await listBookingsOfBooker(station)).map((b) => b.id)).toEqual([mine.id, theirs.id]);
    expect((await listBookingsOfBooker(company))[0]).toMatchObject({ canCancel: true, status: "booked" });
  });
});
