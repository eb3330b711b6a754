import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/requests/[id]/hours/route";
import { recordCaseHoursAction } from "@/app/(portal)/case-hours/actions";
import { db } from "@/db";
import { caseHours, requests } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { getRequestDetail } from "@/lib/requests/queries";
import { callActionAs } from "@/test/action-caller";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "@/test/fixtures";
import { fileAs, moveTo } from "@/test/request-fixtures";
import { listCaseHours } from "./queries";

vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

useTestDatabase();
afterEach(() => setClock(null));

const acceptedAt = new Date("2026-11-27T09:00:00+08:00");
const now = new Date("2026-11-30T15:00:00+08:00");

async function hours(as: Actor, requestId: string, body: unknown) {
  const response = await POST(
    new Request(`http://localhost/api/v1/requests/${requestId}/hours`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", authorization: `Bearer ${await bearerFor(as)}` },
    }),
    { params: Promise.resolve({ id: requestId }) },
  );
  return { status: response.status, body: (await response.json()) as { id?: string; error?: { code: string; fields?: Record<string, string> } } };
}

/** A case of a company in 嘉善县, accepted by a new expert on 27 November. */
async function acceptedCase() {
  const enterprise = await createEnterpriseActor();
  const expert = await createExpertActor();
  const id = await fileAs(enterprise);
  await moveTo(id, "accepted", expert);
  await db.update(requests).set({ acceptedAt }).where(eq(requests.id, id));
  return { enterprise, expert, id };
}

const entriesOf = (requestId: string) => db.select().from(caseHours).where(eq(caseHours.requestId, requestId));

describe("POST /api/v1/requests/{id}/hours", () => {
  it("records the assigned expert's hours, on the timeline, and the case page adds them up", async () => {
    setClock(now);
    const { enterprise, expert, id } = await acceptedCase();
    const first = await hours(expert, id, { workedOn: "2026-11-28", minutes: 90, note: "审阅供货合同" });
    expect(first.status).toBe(201);
    expect((await hours(expert, id, { workedOn: "2026-11-30", minutes: 240 })).status).toBe(201);
    const rows = await entriesOf(id);
    expect(rows.map((r) => [r.workedOn, r.minutes, r.note, r.expertId]).sort()).toEqual([
      ["2026-11-28", 90, "审阅供货合同", expert.expertId],
      ["2026-11-30", 240, null, expert.expertId],
    ]);
    expect(rows.find((r) => r.minutes === 90)!.id).toBe(first.body.id);

    const list = await listCaseHours(expert, id);
    expect(list!.totalMinutes).toBe(330);
    expect(list!.entries.map((e) => e.workedOn)).toEqual(["2026-11-30", "2026-11-28"]);
    const detail = await getRequestDetail(enterprise, id);
    const event = detail.events.find((e) => e.type === "request.hours_recorded");
    expect(event).toMatchObject({ actorRole: "expert", reason: "审阅供货合同", data: { workedOn: "2026-11-28", minutes: 90 } });
  });

  it("refuses what cannot be true, field by field, and writes nothing", async () => {
    setClock(now);
    const { expert, id } = await acceptedCase();
    const cases: [unknown, string][] = [
      [{ workedOn: "2026-11-30", minutes: 45 }, "minutes"], // not a half-hour step
      [{ workedOn: "2026-11-30", minutes: 0 }, "minutes"],
      [{ workedOn: "2026-11-30", minutes: 1470 }, "minutes"], // more than a day
      [{ workedOn: "2026-11-30", minutes: "60" }, "minutes"], // a number, not text
      [{ workedOn: "2026-12-01", minutes: 60 }, "workedOn"], // tomorrow
      [{ workedOn: "2026-11-26", minutes: 60 }, "workedOn"], // before the expert accepted
      [{ workedOn: "2026-02-30", minutes: 60 }, "workedOn"],
      [{ minutes: 60 }, "workedOn"],
    ];
    for (const [body, field] of cases) {
      const answer = await hours(expert, id, body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body.error?.fields?.[field], JSON.stringify(body)).toBeTruthy();
    }
    // A field the contract does not know is refused too.
    expect((await hours(expert, id, { workedOn: "2026-11-30", minutes: 60, hours: 1 })).status).toBe(422);
    expect(await entriesOf(id)).toHaveLength(0);
  });

  it("is the assigned expert's alone, and never on a closed case", async () => {
    setClock(now);
    const { enterprise, id } = await acceptedCase();
    const body = { workedOn: "2026-11-30", minutes: 60 };
    expect((await hours(enterprise, id, body)).status).toBe(403);
    expect((await hours(await createAdminActor(), id, body)).status).toBe(403);
    expect((await hours(await createStationActor(), id, body)).status).toBe(403);
    // another expert, who cannot see the case
    expect((await hours(await createExpertActor(), id, body)).status).toBe(404);

    const { expert, id: closed } = await acceptedCase();
    expect((await hours(expert, closed, { workedOn: "2026-11-28", minutes: 30 })).status).toBe(201);
    await db.update(requests).set({ status: "closed" }).where(eq(requests.id, closed));
    const late = await hours(expert, closed, body);
    expect([late.status, late.body.error?.code]).toEqual([409, "conflict"]);
    expect(await entriesOf(closed)).toHaveLength(1);

    // A resolved case waiting for the company still takes the last hours.
    const { expert: third, id: resolved } = await acceptedCase();
    await db.update(requests).set({ status: "resolved" }).where(eq(requests.id, resolved));
    expect((await hours(third, resolved, body)).status).toBe(201);
  });

  it("shows the hours to the expert and the district's admins only", async () => {
    setClock(now);
    const { enterprise, expert, id } = await acceptedCase();
    await hours(expert, id, { workedOn: "2026-11-29", minutes: 150 });
    expect((await listCaseHours(await createAdminActor("330421"), id))?.totalMinutes).toBe(150);
    expect(await listCaseHours(enterprise, id)).toBeNull();
    await expect(listCaseHours(await createAdminActor("310118"), id)).rejects.toMatchObject({ code: "not_found" });
    await expect(listCaseHours(await createExpertActor(), id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the case page's form", () => {
  it("takes hours in half-hour steps and records minutes", async () => {
    setClock(now);
    const { enterprise, expert, id } = await acceptedCase();
    const done = await callActionAs(expert, recordCaseHoursAction, { requestId: id, workedOn: "2026-11-30", hours: "2.5", note: "起草律师函" });
    expect(done).toMatchObject({ ok: true });
    expect((await entriesOf(id)).map((r) => [r.minutes, r.note])).toEqual([[150, "起草律师函"]]);

    const bad = await callActionAs(expert, recordCaseHoursAction, { requestId: id, workedOn: "2026-11-30", hours: "1.25" });
    expect(bad).toMatchObject({ ok: false, code: "invalid_input", fields: { hours: expect.stringContaining("半小时") } });
    const other = await callActionAs(enterprise, recordCaseHoursAction, { requestId: id, workedOn: "2026-11-30", hours: "1" });
    expect(other).toMatchObject({ ok: false, code: "forbidden" });
    expect(await entriesOf(id)).toHaveLength(1);
  });
});
