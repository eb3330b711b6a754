import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import { disputes, events, notifications, offers, requestCounterparties, requests, returnVisits } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { drainJobs } from "@/lib/jobs/queue";
import { useTestDatabase } from "@/test/database";
import { createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "@/test/fixtures";
import { amendRequest } from "./amend-request";
import { autoCloseRequest, closeOverdueResolvedRequests } from "./auto-close";
import { confirmRequest } from "./confirm-request";
import { getRequestDetail } from "./queries";
import { resolveRequest } from "./resolve-request";
import { recordReturnVisit } from "./record-return-visit";
import { startRequest } from "./start-request";
import { fileAs, moveTo, requestInput } from "@/test/request-fixtures";
import { triageRequest } from "./triage-request";
import { withdrawRequest } from "./withdraw-request";

useTestDatabase();

async function failure(promise: Promise<unknown>): Promise<{ code: string; key: string; fields?: unknown }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, key: error.messageKey, fields: error.options.fields };
}
const statusOf = async (id: string) => (await db.select({ status: requests.status }).from(requests).where(eq(requests.id, id)))[0]?.status;
const inboxOf = (actor: Actor, requestId: string) =>
  db
    .select({ kind: notifications.kind, data: notifications.data })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), eq(notifications.requestId, requestId)))
    .orderBy(notifications.createdAt);

let enterprise: Actor;
let otherEnterprise: Actor;
let admin: Actor;
let jiaxingAdmin: Actor;
let wujiangAdmin: Actor;
let expert: Actor;
let otherExpert: Actor;

beforeAll(async () => {
  enterprise = await createEnterpriseActor();
  otherEnterprise = await createEnterpriseActor();
  admin = await createAdminActor();
  jiaxingAdmin = await createAdminActor("330421");
  wujiangAdmin = await createAdminActor("320509");
  expert = await createExpertActor();
  otherExpert = await createExpertActor();
});

describe("triage", () => {
  it("accepts a submitted request for matching; a second decision is a conflict", async () => {
    const id = await fileAs(enterprise);
    expect(await triageRequest(jiaxingAdmin, id, { decision: "accept" })).toEqual({ id, status: "triaged" });
    expect(await failure(triageRequest(jiaxingAdmin, id, { decision: "reject", reason: "x" }))).toMatchObject({ code: "conflict" });
    const [row] = await db.select({ triagedAt: requests.triagedAt }).from(requests).where(eq(requests.id, id));
    expect(row!.triagedAt).toBeInstanceOf(Date);
  });

  it("returns with what is missing, which the filer reads in the inbox and on the timeline", async () => {
    const id = await fileAs(enterprise);
    await triageRequest(admin, id, { decision: "return", reason: "请补充对账单。" });
    expect(await statusOf(id)).toBe("returned");
    expect(await inboxOf(enterprise, id)).toEqual([
      { kind: "request.received", data: expect.objectContaining({ caseNumber: expect.stringMatching(/^JS-\d{4}-\d{5,}$/) }) },
      { kind: "request.returned", data: expect.objectContaining({ reason: "请补充对账单。", status: "returned" }) },
    ]);
    const detail = await getRequestDetail(enterprise, id);
    expect(detail.statusReason).toBe("请补充对账单。");
    expect(detail.events.map((e) => [e.type, e.actorRole, e.reason])).toEqual([
      ["request.submitted", "enterprise", undefined],
      ["request.return", "admin", "请补充对账单。"],
    ]);
  });

  it("rejects with a reason and a referral", async () => {
    const id = await fileAs(enterprise);
    await triageRequest(admin, id, { decision: "reject", reason: "属于婚姻家事纠纷。", referral: "县法律援助中心" });
    const detail = await getRequestDetail(enterprise, id);
    expect(detail).toMatchObject({ status: "rejected", statusReason: "属于婚姻家事纠纷。", referral: "县法律援助中心" });
  });

  it("is for admins only, and only within their region", async () => {
    const id = await fileAs(enterprise);
    expect(await failure(triageRequest(enterprise, id, { decision: "accept" }))).toMatchObject({ code: "forbidden" });
    expect(await failure(triageRequest(wujiangAdmin, id, { decision: "accept" }))).toMatchObject({ code: "not_found" });
    expect(await statusOf(id)).toBe("submitted");
  });
});

describe("amend and resubmit", () => {
  it("lets the filer amend a returned request, replacing its counterparties, and puts it back in the queue", async () => {
    const id = await fileAs(enterprise);
    await triageRequest(admin, id, { decision: "return", reason: "请补充对方名称。" });
    await amendRequest(enterprise, {
      ...requestInput({ title: "补充后的诉求", counterparties: [{ name: "丙公司" }] }),
      requestId: id,
      note: "已补充",
    });
    const detail = await getRequestDetail(enterprise, id);
    expect(detail).toMatchObject({ status: "submitted", title: "补充后的诉求", statusReason: null });
    expect(detail.counterparties).toEqual([{ name: "丙公司", creditCode: null }]);
    expect(detail.events.at(-1)).toMatchObject({ type: "request.resubmit", actorRole: "enterprise", reason: "已补充" });
    expect(await db.$count(requestCounterparties, eq(requestCounterparties.requestId, id))).toBe(1);
  });

  it("refuses to amend a request that was not returned, and another company's request", async () => {
    const id = await fileAs(enterprise);
    expect(await failure(amendRequest(enterprise, { ...requestInput(), requestId: id }))).toMatchObject({ code: "conflict" });
    expect(await failure(amendRequest(otherEnterprise, { ...requestInput(), requestId: id }))).toMatchObject({ code: "not_found" });
  });
});

describe("withdraw", () => {
  it("withdraws before acceptance, withdrawing a pending offer in the same step", async () => {
    const id = await fileAs(enterprise);
    await moveTo(id, "offered", expert);
    await withdrawRequest(enterprise, id, "已自行和解");
    expect(await statusOf(id)).toBe("withdrawn");
    expect(await db.select({ status: offers.status }).from(offers).where(eq(offers.requestId, id))).toEqual([{ status: "withdrawn" }]);
    expect((await inboxOf(expert, id)).map((n) => n.kind)).toEqual(["request.status"]);
  });

  it("refuses once an expert has accepted (409) and for someone else's request (404)", async () => {
    const id = await fileAs(enterprise);
    expect(await failure(withdrawRequest(otherEnterprise, id))).toMatchObject({ code: "not_found" });
    await moveTo(id, "accepted", expert);
    expect(await failure(withdrawRequest(enterprise, id))).toMatchObject({ code: "conflict" });
    expect(await statusOf(id)).toBe("accepted");
  });

  it("lets the station withdraw what it filed", async () => {
    const station = await createStationActor();
    const id = await fileAs(station, { enterprise: { name: "李大爷", contactName: "李大爷", contactPhone: "13700000000" } });
    await withdrawRequest(station, id);
    expect(await statusOf(id)).toBe("withdrawn");
  });
});

describe("resolution, confirmation and closure", () => {
  it("lets the assigned expert start and resolve a request without disputes; the company confirms and rates it", async () => {
    const id = await fileAs(enterprise);
    await moveTo(id, "accepted", expert);
    expect(await failure(startRequest(otherExpert, id))).toMatchObject({ code: "not_found" });
    await startRequest(expert, id);
    expect(await failure(resolveRequest(otherExpert, id, "x"))).toMatchObject({ code: "not_found" });
    await resolveRequest(expert, id, "对方已全额付款。");
    expect(await getRequestDetail(enterprise, id)).toMatchObject({ status: "resolved", resolutionSummary: "对方已全额付款。" });
    expect(await failure(confirmRequest(otherEnterprise, id, { rating: 5 }))).toMatchObject({ code: "not_found" });
    expect(await confirmRequest(enterprise, id, { rating: 4, comment: "很及时" })).toEqual({ id, status: "closed", rating: 4 });
    const closed = await getRequestDetail(enterprise, id);
    expect(closed).toMatchObject({ status: "closed", rating: 4, ratingComment: "很及时" });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(closed.events.map((e) => e.type)).toEqual(["request.submitted", "request.start", "request.resolve", "request.close"]);
    expect(await failure(confirmRequest(enterprise, id, { rating: 5 }))).toMatchObject({ code: "conflict" });
  });

  it("refuses to resolve while a dispute is open, and allows it once every dispute is closed", async () => {
    const id = await fileAs(enterprise);
    await moveTo(id, "in_progress", expert);
    const [open] = await db
      .insert(disputes)
      .values({ requestId: id, counterpartyName: "甲", kind: "receivable", claimedFen: 100n })
      .returning({ id: disputes.id });
    await db.insert(disputes).values({ requestId: id, counterpartyName: "乙", kind: "receivable", claimedFen: 100n, status: "withdrawn" });
    expect(await failure(resolveRequest(expert, id, "x"))).toMatchObject({ code: "conflict", key: "requests.errors.openDisputes" });
    expect(await statusOf(id)).toBe("in_progress");
    await db.update(disputes).set({ status: "unresolved" }).where(eq(disputes.id, open!.id));
    await resolveRequest(expert, id, "一项化解，一项未能化解。");
    expect(await statusOf(id)).toBe("resolved");
  });

  it("closes an unconfirmed resolved request by itself after 14 days, once (the job is idempotent)", async () => {
    const id = await fileAs(enterprise);
    await moveTo(id, "accepted", expert);
    await resolveRequest(expert, id, "已办结");
    const job = rowsOf<{ start_after: Date }>(
      await db.execute(sql`select start_after from pgboss.job where name = 'request.auto-close' and data->>'requestId' = ${id}`),
    );
    expect(job).toHaveLength(1);
    expect(new Date(job[0]!.start_after).getTime()).toBeGreaterThan(Date.now() + 13.9 * 86_400_000);

    expect(await autoCloseRequest({ requestId: id })).toBe(false);
    expect(await statusOf(id)).toBe("resolved");
    // Fourteen days later: the scheduled job runs and closes it; running it again changes nothing.
    await db
      .update(requests)
      .set({ resolvedAt: sql`now() - interval '15 days'` })
      .where(eq(requests.id, id));
    await db.execute(
      sql`update pgboss.job set start_after = now() - interval '1 second' where name = 'request.auto-close' and data->>'requestId' = ${id}`,
    );
    expect(await drainJobs("request.auto-close")).toEqual({ ran: 1, failed: 0 });
    expect(await autoCloseRequest({ requestId: id })).toBe(false);
    const detail = await getRequestDetail(enterprise, id);
    expect(detail.status).toBe("closed");
    expect(detail.events.filter((e) => e.type === "request.close")).toEqual([expect.objectContaining({ actorRole: "system" })]);
  });

  it("sweeps every overdue resolved request, leaving confirmed and recent ones alone", async () => {
    const overdue = await fileAs(enterprise);
    const recent = await fileAs(enterprise);
    for (const id of [overdue, recent]) await moveTo(id, "resolved", expert);
    await db
      .update(requests)
      .set({ resolvedAt: sql`now() - interval '20 days'` })
      .where(eq(requests.id, overdue));
    expect(await closeOverdueResolvedRequests()).toBeGreaterThanOrEqual(1);
    expect(await statusOf(overdue)).toBe("closed");
    expect(await statusOf(recent)).toBe("resolved");
  });
});

describe("return visits", () => {
  it("are recorded by an admin on closed requests only, with a date not in the future", async () => {
    const id = await fileAs(enterprise);
    expect(await failure(recordReturnVisit(admin, id, { visitedOn: "2026-01-05", method: "phone", note: "x", satisfaction: 5 }))).toMatchObject({
      code: "conflict",
    });
    await moveTo(id, "closed", expert);
    expect(await failure(recordReturnVisit(admin, id, { visitedOn: "2999-01-01", method: "phone", note: "x", satisfaction: 5 }))).toMatchObject({
      code: "invalid_input",
    });
    expect(
      await failure(recordReturnVisit(wujiangAdmin, id, { visitedOn: "2026-01-05", method: "phone", note: "x", satisfaction: 5 })),
    ).toMatchObject({
      code: "not_found",
    });
    await recordReturnVisit(admin, id, { visitedOn: "2026-01-05", method: "phone", note: "企业表示满意。", satisfaction: 5 });
    expect(
      await db
        .select({ by: returnVisits.visitedBy, satisfaction: returnVisits.satisfaction })
        .from(returnVisits)
        .where(eq(returnVisits.requestId, id)),
    ).toEqual([{ by: admin.userId, satisfaction: 5 }]);
    expect(await db.$count(events, and(eq(events.requestId, id), eq(events.type, "request.return_visit")))).toBe(1);
  });
});
