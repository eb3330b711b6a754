import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as confirmRoute } from "@/app/api/v1/requests/[id]/confirm/route";
import { POST as objectRoute } from "@/app/api/v1/requests/[id]/object/route";
import { POST as fileRoute } from "@/app/api/v1/requests/route";
import { db } from "@/db";
import { enterprises, events, notifications, requests } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { createDispute } from "@/lib/disputes/create-dispute";
import { recordRecovery } from "@/lib/disputes/record-recovery";
import { respondToRecovery } from "@/lib/disputes/respond-to-recovery";
import { reverseRecovery } from "@/lib/disputes/reverse-recovery";
import { updateDispute } from "@/lib/disputes/update-dispute";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { fileAs, moveTo, requestInput } from "@/test/request-fixtures";
import { confirmRequest } from "./confirm-request";
import { fileRequest } from "./file-request";
import { objectToOutcome } from "./object-request";
import { getRequestDetail } from "./queries";
import { resolveRequest } from "./resolve-request";

useTestDatabase();

async function failure(promise: Promise<unknown>): Promise<{ code: string; key: string; fields?: unknown }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, key: error.messageKey, fields: error.options.fields };
}
const rowOf = async (id: string) => (await db.select().from(requests).where(eq(requests.id, id)))[0]!;
const inboxOf = (actor: Actor, requestId: string) =>
  db
    .select({ kind: notifications.kind, data: notifications.data })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), eq(notifications.requestId, requestId)));
const eventsOf = (requestId: string, type: string) =>
  db
    .select({ reason: events.reason, data: events.data, actorRole: events.actorRole })
    .from(events)
    .where(and(eq(events.requestId, requestId), eq(events.type, type)));

const post = (url: string, body: unknown, token: string) =>
  new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

let enterprise: Actor;
let otherEnterprise: Actor;
let expert: Actor;
let admin: Actor;
let jiashanAdmin: Actor;
let qingpuAdmin: Actor;

beforeAll(async () => {
  enterprise = await createEnterpriseActor();
  otherEnterprise = await createEnterpriseActor();
  expert = await createExpertActor();
  admin = await createAdminActor();
  jiashanAdmin = await createAdminActor("330421");
  qingpuAdmin = await createAdminActor("310118");
});

/** A resolved case of `enterprise` with one closed dispute and one ledger entry, which the company answered as given. */
async function resolvedCaseWithEntry(answer: "queried" | "confirmed" | null): Promise<{ requestId: string; entryId: string }> {
  const requestId = await fileAs(enterprise);
  await moveTo(requestId, "in_progress", expert);
  const dispute = await createDispute(expert, requestId, { counterpartyName: "某贸易公司", kind: "receivable", claimedFen: 100_000n });
  const entry = await recordRecovery(expert, dispute.id, { amountFen: 50_000n, receivedOn: "2026-01-05", method: "negotiation" });
  if (answer) await respondToRecovery(enterprise, entry.id, { response: answer, note: answer === "queried" ? "只收到 300 元" : undefined });
  await updateDispute(expert, dispute.id, { status: "resolved", resolutionMethod: "negotiation" });
  await resolveRequest(expert, requestId, "对方已部分付款，余款和解。");
  return { requestId, entryId: entry.id };
}

describe("objecting to the outcome (不同意结果)", () => {
  it("sends a resolved case back to its expert with the reason on the timeline; the expert and the district's admins are told", async () => {
    const id = await fileAs(enterprise);
    await moveTo(id, "resolved", expert);
    const response = await objectRoute(post(`/api/v1/requests/${id}/object`, { reason: "货款仍未到账" }, await bearerFor(enterprise)), params(id));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id, status: "in_progress" });
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: "in_progress", resolvedAt: null, assignedExpertId: expert.expertId });
    expect(await eventsOf(id, "request.object")).toEqual([{ reason: "货款仍未到账", data: { to: "in_progress" }, actorRole: "enterprise" }]);
    for (const told of [expert, admin, jiashanAdmin]) {
      expect(await inboxOf(told, id), told.email).toContainEqual({ kind: "request.objected", data: { title: row.title, reason: "货款仍未到账" } });
    }
    expect(await inboxOf(qingpuAdmin, id)).toEqual([]);
    expect((await inboxOf(enterprise, id)).map((n) => n.kind)).not.toContain("request.objected");
    const detail = await getRequestDetail(expert, id);
    expect(detail.status).toBe("in_progress");
    // the expert can resolve it again
    expect(await resolveRequest(expert, id, "已全部回款。")).toEqual({ id, status: "resolved" });
  });

  it("answers 409 when the request is not resolved, 404 to another company, 422 without a reason", async () => {
    const id = await fileAs(enterprise);
    await moveTo(id, "in_progress", expert);
    expect(await failure(objectToOutcome(enterprise, id, "理由"))).toMatchObject({ code: "conflict" });
    const response = await objectRoute(post(`/api/v1/requests/${id}/object`, { reason: "理由" }, await bearerFor(enterprise)), params(id));
    expect(response.status).toBe(409);
    await moveTo(id, "resolved");
    expect(await failure(objectToOutcome(otherEnterprise, id, "理由"))).toMatchObject({ code: "not_found" });
    const blank = await objectRoute(post(`/api/v1/requests/${id}/object`, { reason: " " }, await bearerFor(enterprise)), params(id));
    expect(blank.status).toBe(422);
    expect((await rowOf(id)).status).toBe("resolved");
  });
});

describe("confirming while a ledger entry is queried", () => {
  it("answers 409 while the company's query is open, and closes with closeDespiteQueries, recorded", async () => {
    const { requestId } = await resolvedCaseWithEntry("queried");
    expect(await failure(confirmRequest(enterprise, requestId, { rating: 4 }))).toMatchObject({
      code: "conflict",
      key: "requests.errors.openQueries",
    });
    const refused = await confirmRoute(post(`/api/v1/requests/${requestId}/confirm`, { rating: 4 }, await bearerFor(enterprise)), params(requestId));
    expect(refused.status).toBe(409);
    expect((await rowOf(requestId)).status).toBe("resolved");
    const closed = await confirmRoute(
      post(`/api/v1/requests/${requestId}/confirm`, { rating: 4, closeDespiteQueries: true }, await bearerFor(enterprise)),
      params(requestId),
    );
    expect(closed.status).toBe(200);
    expect(await closed.json()).toEqual({ id: requestId, status: "closed", rating: 4 });
    const [event] = await eventsOf(requestId, "request.close");
    expect(event?.data).toMatchObject({ rating: 4, despiteQueries: true, openQueries: 1 });
    expect(await inboxOf(expert, requestId)).toContainEqual(
      expect.objectContaining({ kind: "request.status", data: expect.objectContaining({ despiteQueries: true }) }),
    );
  });

  it("closes without asking once the query is settled: the entry confirmed, or reversed", async () => {
    const settled = await resolvedCaseWithEntry("queried");
    await respondToRecovery(enterprise, settled.entryId, { response: "confirmed" });
    expect(await confirmRequest(enterprise, settled.requestId, { rating: 5 })).toMatchObject({ status: "closed" });

    const reversed = await resolvedCaseWithEntry("queried");
    await reverseRecovery(expert, reversed.entryId, "金额登记错误");
    expect(await confirmRequest(enterprise, reversed.requestId, { rating: 5 })).toMatchObject({ status: "closed" });

    const plain = await resolvedCaseWithEntry(null);
    expect(await confirmRequest(enterprise, plain.requestId, { rating: 5 })).toMatchObject({ status: "closed" });
    const [event] = await eventsOf(plain.requestId, "request.close");
    expect(event?.data).not.toHaveProperty("despiteQueries");
  });
});

describe("a hotline call filed by an admin", () => {
  const caller = { name: "嘉善某五金店", contactName: "王先生", contactPhone: "13900000001" };

  it("files with channel hotline for the caller, in the admin's district, without telling the filer", async () => {
    const filed = await fileRequest(jiashanAdmin, requestInput({ enterprise: caller }));
    expect(filed).toMatchObject({ status: "submitted", channel: "hotline", stationId: null });
    const [company] = await db.select().from(enterprises).where(eq(enterprises.id, filed.enterpriseId));
    expect(company).toMatchObject({ name: caller.name, contactName: "王先生", contactPhone: "13900000001" });
    expect((await eventsOf(filed.id, "request.submitted"))[0]).toMatchObject({ actorRole: "admin", data: { channel: "hotline" } });
    expect(await inboxOf(jiashanAdmin, filed.id)).toEqual([]);
    expect(await inboxOf(admin, filed.id)).toHaveLength(1);
    expect((await getRequestDetail(jiashanAdmin, filed.id)).channel).toBe("hotline");
  });

  it("through the API: 201 with channel hotline; the caller is required; a region outside the district is 403", async () => {
    const body = { ...requestInput(), amountAtStakeFen: 100_000, enterprise: caller, channel: "hotline" };
    const created = await fileRoute(post("/api/v1/requests", body, await bearerFor(admin)));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ channel: "hotline", status: "submitted" });

    const noCaller = await fileRoute(post("/api/v1/requests", { ...body, enterprise: undefined }, await bearerFor(jiashanAdmin)));
    expect(noCaller.status).toBe(422);

    const elsewhere = await fileRoute(post("/api/v1/requests", body, await bearerFor(qingpuAdmin)));
    expect(elsewhere.status).toBe(403);
    const own = await fileRoute(post("/api/v1/requests", { ...body, regionCode: "310118" }, await bearerFor(qingpuAdmin)));
    expect(own.status).toBe(201);
  });

  it("refuses `channel` from a company (422): only an admin files a hotline call", async () => {
    const body = { ...requestInput(), amountAtStakeFen: 100_000, channel: "hotline" };
    const response = await fileRoute(post("/api/v1/requests", body, await bearerFor(enterprise)));
    expect(response.status).toBe(422);
    expect(await failure(fileRequest(enterprise, requestInput({ channel: "hotline" })))).toMatchObject({
      code: "invalid_input",
      fields: { channel: "errors.field.invalid" },
    });
  });
});
