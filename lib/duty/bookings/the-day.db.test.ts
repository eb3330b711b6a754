import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as attendedRoute } from "@/app/api/v1/bookings/[id]/attended/route";
import { POST as requestRoute } from "@/app/api/v1/bookings/[id]/request/route";
import { recordAdviceAction } from "@/app/(portal)/duty/consultations/actions";
import { markNoShowAction, markSessionHeldAction } from "@/app/(portal)/duty/today/actions";
import { db } from "@/db";
import { dutyBookings, dutySessions, enterprises, events, requests } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { getRequestDetail } from "@/lib/requests/queries";
import { callActionAs } from "@/test/action-caller";
import { useTestDatabase } from "@/test/database";
import { createDutySession } from "@/test/duty-session";
import { bearerFor, createEnterpriseActor, createExpertActor, createStationActor } from "@/test/fixtures";
import { bookConsultation } from "./book-consultation";
import { listDayAtStation } from "./queries";
import { recordAdvice } from "./record-advice";
import { requestFromBooking } from "./request-from-booking";
import { markAttendance } from "./the-day";

vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

/**
 * The day itself: attendance, the session held, a consultation turned into a request, the
 * expert's advice note. Sessions are on Wednesday 13 May 2026; the clock is set to the day before
 * (Tuesday evening, China time) or to the day.
 */
useTestDatabase();
afterEach(() => setClock(null));

const DAY = "2026-05-13";
const EVE = new Date("2026-05-12T23:30:00+08:00");
const ON_THE_DAY = new Date("2026-05-13T09:30:00+08:00");
const BOOKED_ON = new Date("2026-05-11T10:00:00+08:00");

let staff: Actor;
let expert: Actor;
let enterprise: Actor;

beforeAll(async () => {
  staff = await createStationActor("330421002");
  expert = await createExpertActor({ serviceModes: ["onsite", "booked"] });
  enterprise = await createEnterpriseActor();
});

let serial = 0;
/** A session on the day at the staff's station (a fresh expert unless told), and one booking by `booker` (the staff unless told). */
async function aBooking(booker: Actor = staff, expertId?: string) {
  setClock(BOOKED_ON);
  const session = await createDutySession({ stationId: staff.stationId!, expertId, date: DAY });
  const booking = await bookConsultation(booker, session.id, {
    topic: "房东拒不退还押金",
    contactName: "李先生",
    contactPhone: `1360000${String((serial += 1)).padStart(4, "0")}`,
  });
  return { session, bookingId: booking.id };
}

async function post(route: typeof attendedRoute, path: string, id: string, actor: Actor, body?: unknown) {
  const response = await route(
    new Request(`http://localhost/api/v1/bookings/${id}/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await bearerFor(actor)}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );
  return {
    status: response.status,
    body: (await response.json()) as { id?: string; status?: string; requestId?: string; caseNumber?: string; error?: { code: string } },
  };
}
const attended = (id: string, actor: Actor = staff) => post(attendedRoute, "attended", id, actor);
const fileFrom = (id: string, actor: Actor = staff, body?: unknown) => post(requestRoute, "request", id, actor, body);

const sessionRow = async (id: string) => (await db.select().from(dutySessions).where(eq(dutySessions.id, id)))[0]!;
const bookingRow = async (id: string) => (await db.select().from(dutyBookings).where(eq(dutyBookings.id, id)))[0]!;

describe("attendance", () => {
  it("is refused before the session's day (409), China time, and nothing changes", async () => {
    const { session, bookingId } = await aBooking();
    setClock(EVE);
    const early = await attended(bookingId);
    expect(early.status).toBe(409);
    expect((await bookingRow(bookingId)).status).toBe("booked");
    expect((await sessionRow(session.id)).status).toBe("confirmed");
    // 16:00 UTC on the 12th is already midnight of the 13th in China: the day has come.
    setClock(new Date("2026-05-12T16:00:00Z"));
    expect((await attended(bookingId)).status).toBe(200);
  });

  it("on the day: attended -> 200; the first mark makes the session held (status and held_at), once", async () => {
    const { session, bookingId } = await aBooking();
    const second = await bookConsultation(staff, session.id, { topic: "工资拖欠", contactName: "赵女士", contactPhone: "13611112222" });
    setClock(ON_THE_DAY);
    expect(await attended(bookingId)).toMatchObject({ status: 200, body: { id: bookingId, status: "attended" } });
    const held = await sessionRow(session.id);
    expect(held.status).toBe("held");
    expect(held.heldAt?.toISOString()).toBe(ON_THE_DAY.toISOString());
    expect(await markAttendance(staff, second.id, "attended")).toMatchObject({ status: "attended" });
    expect(await db.$count(events, and(eq(events.type, "duty_session.held"), eq(events.entityId, session.id)))).toBe(1);
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.type, "booking.attended"), eq(events.entityId, bookingId)));
    expect(event).toMatchObject({ entityType: "duty_booking", regionCode: "330421", actorUserId: staff.userId });
    // Marking the same twice is a conflict; the counter of live bookings is untouched by marks.
    expect((await attended(bookingId)).status).toBe(409);
    expect(held.booked).toBe(2);
  });

  it("a no-show through the page's action; it can be corrected to attended (a late arrival)", async () => {
    const { bookingId } = await aBooking();
    setClock(ON_THE_DAY);
    const result = await callActionAs(staff, markNoShowAction, { bookingId });
    expect(result).toMatchObject({ ok: true, data: { status: "no_show" } });
    expect(await bookingRow(bookingId)).toMatchObject({ status: "no_show", markedBy: staff.userId });
    expect(await db.$count(events, and(eq(events.type, "booking.no_show"), eq(events.entityId, bookingId)))).toBe(1);
    expect((await attended(bookingId)).status).toBe(200);
  });

  it("only the session's own station: another station's staff get 404, a company 403", async () => {
    const { bookingId } = await aBooking();
    setClock(ON_THE_DAY);
    expect((await attended(bookingId, await createStationActor())).status).toBe(404);
    expect((await attended(bookingId, enterprise)).status).toBe(403);
    expect((await callActionAs(await createStationActor(), markNoShowAction, { bookingId })).ok).toBe(false);
    expect((await bookingRow(bookingId)).status).toBe("booked");
  });

  it("a cancelled booking cannot be marked (409)", async () => {
    const { bookingId } = await aBooking();
    await db.update(dutyBookings).set({ status: "cancelled" }).where(eq(dutyBookings.id, bookingId));
    setClock(ON_THE_DAY);
    expect((await attended(bookingId)).status).toBe(409);
  });

  it("a session of walk-ins only is marked held by its staff from its day on, once", async () => {
    setClock(BOOKED_ON);
    const session = await createDutySession({ stationId: staff.stationId!, date: DAY });
    setClock(EVE);
    expect(await callActionAs(staff, markSessionHeldAction, { sessionId: session.id })).toMatchObject({ ok: false, code: "conflict" });
    setClock(ON_THE_DAY);
    expect(await callActionAs(await createStationActor(), markSessionHeldAction, { sessionId: session.id })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await callActionAs(staff, markSessionHeldAction, { sessionId: session.id })).toMatchObject({ ok: true, data: { status: "held" } });
    expect((await sessionRow(session.id)).status).toBe("held");
    expect(await callActionAs(staff, markSessionHeldAction, { sessionId: session.id })).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("a consultation turned into a request", () => {
  it("is refused before the day (409)", async () => {
    const { bookingId } = await aBooking();
    setClock(EVE);
    expect((await fileFrom(bookingId)).status).toBe(409);
    expect((await bookingRow(bookingId)).requestId).toBeNull();
  });

  it("files the station's walk-in request with the defaults, the expert suggested; once only", async () => {
    const { session, bookingId } = await aBooking();
    setClock(ON_THE_DAY);
    const filed = await fileFrom(bookingId);
    expect(filed.status).toBe(201);
    const requestId = filed.body.requestId!;
    const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
    expect(request).toMatchObject({
      title: "房东拒不退还押金",
      description: "房东拒不退还押金",
      category: "consultation",
      regionCode: "330421002",
      channel: "station",
      stationId: staff.stationId,
      filedByUserId: staff.userId,
      preferredExpertId: session.expertId,
      status: "submitted",
    });
    const [walkIn] = await db.select().from(enterprises).where(eq(enterprises.id, request!.enterpriseId));
    expect(walkIn).toMatchObject({ name: "李先生", contactName: "李先生" });
    expect(await bookingRow(bookingId)).toMatchObject({ requestId, status: "attended", markedBy: staff.userId });
    expect((await sessionRow(session.id)).status).toBe("held");
    // The admins see the duty expert as the preferred expert, and the timeline says where it came from.
    const detail = await getRequestDetail(staff, requestId);
    expect(detail.preferredExpertId).toBe(session.expertId);
    expect(detail.events.map((e) => e.type)).toEqual(expect.arrayContaining(["request.submitted", "booking.requested"]));
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.type, "booking.requested"), eq(events.entityId, bookingId)));
    expect(event).toMatchObject({ entityType: "duty_booking", regionCode: "330421", requestId });

    const again = await fileFrom(bookingId);
    expect(again.status).toBe(409);
    expect(await db.$count(requests, eq(requests.stationId, staff.stationId!))).toBe(1);
  });

  it("takes the request fields given; a company's booking is filed for the company", async () => {
    const { bookingId } = await aBooking(enterprise);
    setClock(ON_THE_DAY);
    const filed = await requestFromBooking(staff, bookingId, {
      title: "押金纠纷",
      category: "lease_dispute",
      description: "押金 2 万元，房东拒不退还。",
      amountAtStakeFen: 2_000_000,
    });
    const [request] = await db.select().from(requests).where(eq(requests.id, filed.requestId));
    expect(request).toMatchObject({
      title: "押金纠纷",
      category: "lease_dispute",
      amountAtStakeFen: 2_000_000n,
      enterpriseId: enterprise.enterpriseId,
      channel: "station",
    });
  });

  it("a no-show or another station's booking is not filed (409, 404); bad fields answer 422 and file nothing", async () => {
    const { bookingId } = await aBooking();
    setClock(ON_THE_DAY);
    expect((await fileFrom(bookingId, await createStationActor())).status).toBe(404);
    expect((await fileFrom(bookingId, staff, { category: "astrology" })).status).toBe(422);
    await markAttendance(staff, bookingId, "no_show");
    expect((await fileFrom(bookingId)).status).toBe(409);
    expect((await bookingRow(bookingId)).requestId).toBeNull();
  });

  it("two simultaneous calls file exactly one request", async () => {
    const { bookingId } = await aBooking();
    setClock(ON_THE_DAY);
    const before = await db.$count(requests);
    const outcomes = await Promise.allSettled([requestFromBooking(staff, bookingId, {}), requestFromBooking(staff, bookingId, {})]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected" && (o.reason as { code?: string }).code === "conflict")).toHaveLength(1);
    expect((await db.$count(requests)) - before).toBe(1);
  });
});

describe("the expert's advice note", () => {
  it("the session's expert notes it from the day on, and the station's staff read it", async () => {
    const { session, bookingId } = await aBooking(staff, expert.expertId!);
    const own = expert;
    const other = await createExpertActor();
    setClock(EVE);
    await expect(recordAdvice(own, bookingId, "建议先发律师函催告。")).rejects.toMatchObject({ code: "conflict" });
    setClock(ON_THE_DAY);
    expect(await callActionAs(own, recordAdviceAction, { bookingId, note: "建议先发律师函催告。" })).toMatchObject({ ok: true });
    expect(await callActionAs(other, recordAdviceAction, { bookingId, note: "别的专家" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await callActionAs(staff, recordAdviceAction, { bookingId, note: "服务站" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await callActionAs(own, recordAdviceAction, { bookingId, note: "  " })).toMatchObject({ ok: false, code: "invalid_input" });
    const [day] = await listDayAtStation(staff, DAY).then((sessions) => sessions.filter((s) => s.id === session.id));
    expect(day!.bookings[0]!.adviceNote).toBe("建议先发律师函催告。");
    // A request filed afterwards starts from what was asked and what was advised.
    const filed = await requestFromBooking(staff, bookingId, {});
    const [request] = await db.select({ description: requests.description }).from(requests).where(eq(requests.id, filed.requestId));
    expect(request!.description).toBe("房东拒不退还押金\n\n建议先发律师函催告。");
  });
});
