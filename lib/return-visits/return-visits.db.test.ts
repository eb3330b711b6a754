import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { database, db } from "@/db";
import { events, notifications, requests, returnVisitFollowUps, returnVisits } from "@/db/schema";
import { GET } from "@/app/api/v1/return-visits/route";
import { POST } from "@/app/api/v1/requests/[id]/return-visits/route";
import { closeFollowUpAction } from "@/app/(portal)/admin/return-visits/actions";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { listReturnVisits } from "@/lib/requests/queries";
import { recordReturnVisit } from "@/lib/requests/record-return-visit";
import { defaultServiceLevels } from "@/lib/timeliness/defaults";
import { updateServiceLevels } from "@/lib/timeliness/service-levels";
import { callActionAs } from "@/test/action-caller";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { fileAs, insertClosedHistory, moveTo } from "@/test/request-fixtures";
import { planOf, statementsDuring } from "@/test/statement-count";
import { closeFollowUp } from "./close-follow-up";
import { daysOverdue, listOpenFollowUps, listReturnVisitWorklist } from "./queries";

vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

useTestDatabase();
afterEach(() => setClock(null));

let admin: Actor; // unscoped
let jiashanAdmin: Actor;
let qingpuAdmin: Actor;
let enterprise: Actor;
let expert: Actor;

beforeAll(async () => {
  admin = await createAdminActor();
  jiashanAdmin = await createAdminActor("330421");
  qingpuAdmin = await createAdminActor("310118");
  enterprise = await createEnterpriseActor();
  expert = await createExpertActor();
});

/** A case of the enterprise's, closed at `closedAt` (in 嘉善县 unless another region is given). */
async function closedCase(closedAt: Date, regionCode = "330421002") {
  const id = await fileAs(enterprise, { regionCode });
  await moveTo(id, "closed", expert);
  await db.update(requests).set({ closedAt }).where(eq(requests.id, id));
  return id;
}

const due = async (as: Actor) => (await listReturnVisitWorklist(as, { due: true, page: 1, pageSize: 100 })).items.map((i) => i.requestId);

async function listAs(as: Actor, query: string) {
  const response = await GET(
    new Request(`http://localhost/api/v1/return-visits?${query}`, { headers: { authorization: `Bearer ${await bearerFor(as)}` } }),
    {
      params: Promise.resolve({}),
    },
  );
  return { status: response.status, body: (await response.json()) as { items: Record<string, unknown>[]; total: number; error?: unknown } };
}

async function visit(as: Actor, requestId: string, body: unknown) {
  const response = await POST(
    new Request(`http://localhost/api/v1/requests/${requestId}/return-visits`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", authorization: `Bearer ${await bearerFor(as)}` },
    }),
    { params: Promise.resolve({ id: requestId }) },
  );
  return {
    status: response.status,
    body: (await response.json()) as { id?: string; followUpId?: string | null; error?: { fields?: Record<string, string> } },
  };
}

describe("the return-visit worklist", () => {
  it("lists a closed case from returnVisitAfterDays calendar days after the day it closed, China time, until it is visited", async () => {
    // Closed late in the evening of 1 October in China, still 1 October in UTC too; due on 31 October (30 days).
    const id = await closedCase(new Date("2026-10-01T23:30:00+08:00"));
    setClock(new Date("2026-10-30T23:59:00+08:00"));
    expect(await due(jiashanAdmin)).not.toContain(id);
    // Midnight in China is still 30 October in UTC: the day is China's.
    setClock(new Date("2026-10-31T00:01:00+08:00"));
    expect(await due(jiashanAdmin)).toContain(id);
    const { status, body } = await listAs(jiashanAdmin, "due=true");
    expect(status).toBe(200);
    expect(body.items.find((i) => i.requestId === id)).toMatchObject({ dueOn: "2026-10-31", closedAt: "2026-10-01T15:30:00.000Z", visited: false });
    expect(body.items.find((i) => i.requestId === id)?.caseNumber).toMatch(/^JS-/);
    expect(daysOverdue("2026-10-31", "2026-11-03")).toBe(3);

    await recordReturnVisit(jiashanAdmin, id, { visitedOn: "2026-10-31", method: "phone", satisfaction: 4 });
    expect(await due(jiashanAdmin)).not.toContain(id);
    // Without due=true every closed case is listed, visited or not, with its due date.
    const all = await listAs(jiashanAdmin, "due=false");
    expect(all.body.items.find((i) => i.requestId === id)).toMatchObject({ dueOn: "2026-10-31", visited: true });
  });

  it("follows the service levels' returnVisitAfterDays", async () => {
    const id = await closedCase(new Date("2026-06-01T10:00:00+08:00"));
    setClock(new Date("2026-06-11T09:00:00+08:00"));
    expect(await due(admin)).not.toContain(id);
    await updateServiceLevels(admin, { ...defaultServiceLevels, returnVisitAfterDays: 10 });
    try {
      expect(await due(admin)).toContain(id);
    } finally {
      await updateServiceLevels(admin, defaultServiceLevels);
    }
  });

  it("lists the oldest due first, and a district's admin only its district's cases", async () => {
    setClock(new Date("2026-12-20T12:00:00+08:00"));
    const newer = await closedCase(new Date("2026-11-10T10:00:00+08:00"));
    const older = await closedCase(new Date("2026-11-02T10:00:00+08:00"));
    const qingpu = await closedCase(new Date("2026-11-01T10:00:00+08:00"), "310118");
    const forJiashan = await due(jiashanAdmin);
    expect(forJiashan).toEqual(expect.arrayContaining([older, newer]));
    expect(forJiashan.indexOf(older)).toBeLessThan(forJiashan.indexOf(newer));
    expect(forJiashan).not.toContain(qingpu);
    expect(await due(qingpuAdmin)).toEqual([qingpu]);
    expect(await due(admin)).toEqual(expect.arrayContaining([qingpu, older, newer]));
    // An open case is never due, however old.
    const open = await fileAs(enterprise);
    await moveTo(open, "resolved", expert);
    expect(await due(admin)).not.toContain(open);
  });

  it("reads a page of the worklist in closing order from its index, without sorting every closed case", async () => {
    // years of closed cases
    await insertClosedHistory(enterprise, { regionCode: "330421002", expertId: expert.expertId! });
    for (const onlyDue of [false, true]) {
      const { result, statements, parameters } = await statementsDuring(database(), () =>
        listReturnVisitWorklist(jiashanAdmin, { due: onlyDue, page: 2, pageSize: 20 }),
      );
      expect(result.items).toHaveLength(20);
      const page = statements.findIndex((text) => /limit/i.test(text));
      const plan = await planOf(statements[page]!, parameters[page]!, { withoutSeqScans: true });
      expect(plan).toMatch(/Scan (using|on) requests_closed_idx /);
      expect(plan).not.toMatch(/Sort/);
    }
  });

  it("is paginated, and refuses a bad due flag and anyone but an admin", async () => {
    setClock(new Date("2026-12-20T12:00:00+08:00"));
    await closedCase(new Date("2026-11-01T10:00:00+08:00"));
    await closedCase(new Date("2026-11-01T11:00:00+08:00"));
    const page = await listAs(admin, "due=true&pageSize=1&page=1");
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(2);
    expect((await listAs(admin, "due=maybe")).status).toBe(422);
    expect((await listAs(expert, "due=true")).status).toBe(403);
    expect((await listAs(enterprise, "due=true")).status).toBe(403);
  });
});

describe("POST /api/v1/requests/{id}/return-visits", () => {
  it("records the visit on a closed case: 201 with its id, on the timeline", async () => {
    setClock(new Date("2026-12-02T10:00:00+08:00"));
    const id = await closedCase(new Date("2026-10-01T10:00:00+08:00"));
    const answer = await visit(jiashanAdmin, id, { visitedOn: "2026-12-02", method: "visit", satisfaction: 5, note: "企业很满意" });
    expect(answer.status).toBe(201);
    const [row] = await db.select().from(returnVisits).where(eq(returnVisits.requestId, id));
    expect(row).toMatchObject({ id: answer.body.id, method: "visit", satisfaction: 5, note: "企业很满意", visitedBy: jiashanAdmin.userId });
    expect(await db.$count(events, and(eq(events.requestId, id), eq(events.type, "request.return_visit")))).toBe(1);
    // The note is optional.
    expect((await visit(admin, id, { visitedOn: "2026-12-01", method: "message", satisfaction: 4 })).status).toBe(201);
  });

  it("answers 409 on a case that is not closed, 404 outside the admin's district, 403 to experts and companies", async () => {
    setClock(new Date("2026-12-02T10:00:00+08:00"));
    const open = await fileAs(enterprise);
    await moveTo(open, "resolved", expert);
    const body = { visitedOn: "2026-12-02", method: "phone", satisfaction: 4 };
    expect((await visit(jiashanAdmin, open, body)).status).toBe(409);
    const id = await closedCase(new Date("2026-10-01T10:00:00+08:00"));
    expect((await visit(qingpuAdmin, id, body)).status).toBe(404);
    expect((await visit(expert, id, body)).status).toBe(403);
    expect((await visit(enterprise, id, body)).status).toBe(403);
    expect(await db.$count(returnVisits, eq(returnVisits.requestId, id))).toBe(0);
  });

  it("answers 422 naming the field for a bad satisfaction, method or date, and writes nothing", async () => {
    setClock(new Date("2026-12-02T10:00:00+08:00"));
    const id = await closedCase(new Date("2026-10-01T10:00:00+08:00"));
    const good = { visitedOn: "2026-12-02", method: "phone", satisfaction: 3 };
    const cases: [unknown, string][] = [
      [{ ...good, satisfaction: 0 }, "satisfaction"],
      [{ ...good, satisfaction: 6 }, "satisfaction"],
      [{ ...good, satisfaction: 2.5 }, "satisfaction"],
      [{ ...good, method: "fax" }, "method"],
      [{ ...good, method: undefined }, "method"],
      [{ ...good, visitedOn: "2026-12-03" }, "visitedOn"], // tomorrow in China
      [{ ...good, visitedOn: "2026-02-30" }, "visitedOn"],
    ];
    for (const [body, field] of cases) {
      const answer = await visit(admin, id, body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(answer.body.error?.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    expect(await db.$count(returnVisits, eq(returnVisits.requestId, id))).toBe(0);
  });
});

describe("follow-ups of a dissatisfied company", () => {
  it("opens at satisfaction 2 or less (not at 3) and tells the district's admins", async () => {
    setClock(new Date("2026-12-02T10:00:00+08:00"));
    const content = await closedCase(new Date("2026-10-01T10:00:00+08:00"));
    const three = await visit(jiashanAdmin, content, { visitedOn: "2026-12-02", method: "phone", satisfaction: 3 });
    expect(three.body.followUpId).toBeNull();
    expect(await db.$count(returnVisitFollowUps, eq(returnVisitFollowUps.requestId, content))).toBe(0);

    const unhappy = await closedCase(new Date("2026-10-01T10:00:00+08:00"));
    const two = await visit(jiashanAdmin, unhappy, { visitedOn: "2026-12-02", method: "phone", satisfaction: 2, note: "回款仍未到位" });
    expect(two.status).toBe(201);
    const [followUp] = await db.select().from(returnVisitFollowUps).where(eq(returnVisitFollowUps.requestId, unhappy));
    expect(followUp).toMatchObject({ id: two.body.followUpId, returnVisitId: two.body.id, closedAt: null });
    expect(await db.$count(events, and(eq(events.requestId, unhappy), eq(events.type, "request.follow_up_opened")))).toBe(1);
    const told = await db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.requestId, unhappy), eq(notifications.kind, "return_visit.follow_up")));
    const userIds = told.map((n) => n.userId);
    // The unscoped admin covers every district; the one who recorded it knows, and 青浦区's admin is not concerned.
    expect(userIds).toContain(admin.userId);
    expect(userIds).not.toContain(jiashanAdmin.userId);
    expect(userIds).not.toContain(qingpuAdmin.userId);

    expect((await listOpenFollowUps(jiashanAdmin)).map((f) => f.id)).toContain(followUp!.id);
    expect((await listOpenFollowUps(qingpuAdmin)).map((f) => f.id)).not.toContain(followUp!.id);
    const one = await visit(admin, unhappy, { visitedOn: "2026-12-02", method: "online", satisfaction: 1 });
    expect(one.body.followUpId).toEqual(expect.any(String));
  });

  it("is closed with a note by an admin of the case's district, once", async () => {
    setClock(new Date("2026-12-02T10:00:00+08:00"));
    const id = await closedCase(new Date("2026-10-01T10:00:00+08:00"));
    const followUpId = (await recordReturnVisit(admin, id, { visitedOn: "2026-12-02", method: "phone", satisfaction: 1 })).followUpId!;
    // No note: 422 on the note, through the worklist's form.
    expect(await callActionAs(jiashanAdmin, closeFollowUpAction, { followUpId, note: "  " })).toMatchObject({
      ok: false,
      code: "invalid_input",
      fields: { note: expect.any(String) },
    });
    // Another district's admin: it does not exist; an expert or a company: not allowed.
    expect(await callActionAs(qingpuAdmin, closeFollowUpAction, { followUpId, note: "已处理" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await callActionAs(expert, closeFollowUpAction, { followUpId, note: "已处理" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await callActionAs(enterprise, closeFollowUpAction, { followUpId, note: "已处理" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(
      await db.$count(returnVisitFollowUps, and(eq(returnVisitFollowUps.id, followUpId), eq(returnVisitFollowUps.closedBy, qingpuAdmin.userId))),
    ).toBe(0);

    setClock(new Date("2026-12-03T09:00:00+08:00"));
    expect(
      await callActionAs(jiashanAdmin, closeFollowUpAction, { followUpId, note: "已约企业负责人面谈，专家补充说明，企业表示理解" }),
    ).toMatchObject({ ok: true });
    const [row] = await db.select().from(returnVisitFollowUps).where(eq(returnVisitFollowUps.id, followUpId));
    expect(row).toMatchObject({ closedBy: jiashanAdmin.userId, closingNote: "已约企业负责人面谈，专家补充说明，企业表示理解" });
    expect(row!.closedAt?.toISOString()).toBe("2026-12-03T01:00:00.000Z");
    expect(await db.$count(events, and(eq(events.requestId, id), eq(events.type, "request.follow_up_closed")))).toBe(1);
    expect((await listOpenFollowUps(admin)).map((f) => f.id)).not.toContain(followUpId);
    // The case page's list of visits says the follow-up was closed, and how.
    expect((await listReturnVisits(jiashanAdmin, id))[0]).toMatchObject({
      followUpId,
      followUpClosingNote: "已约企业负责人面谈，专家补充说明，企业表示理解",
    });
    // A second close: 409, and the first note stands.
    await expect(closeFollowUp(admin, followUpId, "再次办结")).rejects.toMatchObject({ code: "conflict" });
  });

  it("cannot be closed without a note, even past the forms", async () => {
    const id = await closedCase(new Date("2026-10-01T10:00:00+08:00"));
    const followUpId = (await recordReturnVisit(admin, id, { visitedOn: "2026-10-02", method: "phone", satisfaction: 2 })).followUpId!;
    await expect(
      db
        .update(returnVisitFollowUps)
        .set({ closedAt: new Date(), closedBy: admin.userId, closingNote: " " })
        .where(eq(returnVisitFollowUps.id, followUpId)),
    ).rejects.toThrow();
  });
});
