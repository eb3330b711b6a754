import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listDisputes, POST as postDispute } from "@/app/api/v1/requests/[id]/disputes/route";
import { PATCH as patchDispute } from "@/app/api/v1/disputes/[id]/route";
import { POST as postRecovery } from "@/app/api/v1/disputes/[id]/recoveries/route";
import { POST as postReverse } from "@/app/api/v1/recoveries/[id]/reverse/route";
import { POST as postResponse } from "@/app/api/v1/recoveries/[id]/response/route";
import { db } from "@/db";
import { disputes, events, notifications, recoveries, requests } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "@/test/fixtures";
import { createAcceptedCase } from "@/test/accepted-case";
import { bulkUpdateDisputes } from "./update-dispute";

useTestDatabase();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const tokens = new Map<Actor, string>();
async function call(handler: Handler, actor: Actor | null, id: string, body?: unknown, method = "POST") {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (actor) {
    if (!tokens.has(actor)) tokens.set(actor, await bearerFor(actor));
    headers.authorization = `Bearer ${tokens.get(actor)}`;
  }
  const response = await handler(
    new Request(`http://localhost/api/v1/x/${id}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
    {
      params: Promise.resolve({ id }),
    },
  );
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown> & { error?: { code: string; fields?: Record<string, string> } },
  };
}

const newDispute = (claimedFen = 1_000_000) => ({ counterparty: { name: "嘉兴某贸易有限公司" }, kind: "receivable", claimedFen });
const entry = (amountFen: number, receivedOn = "2026-01-15") => ({ amountFen, receivedOn, method: "negotiation", note: "银行回单 0001" });

describe("disputes on a case", () => {
  let enterprise: Actor, otherEnterprise: Actor, expert: Actor, otherExpert: Actor, admin: Actor, farAdmin: Actor, station: Actor;

  beforeAll(async () => {
    enterprise = await createEnterpriseActor();
    otherEnterprise = await createEnterpriseActor();
    expert = await createExpertActor();
    otherExpert = await createExpertActor();
    admin = await createAdminActor();
    farAdmin = await createAdminActor("310118");
    station = await createStationActor();
  });

  it("the assigned expert opens the first dispute, which starts the accepted case", async () => {
    const requestId = await createAcceptedCase({ enterprise, expert });
    const res = await call(postDispute, expert, requestId, newDispute());
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: expect.any(String), status: "open" });
    const [request] = await db.select({ status: requests.status }).from(requests).where(eq(requests.id, requestId));
    expect(request!.status).toBe("in_progress");
    const types = (await db.select({ type: events.type }).from(events).where(eq(events.requestId, requestId))).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["dispute.created", "request.start"]));
  });

  it("only the assigned expert and admins covering the case may open disputes; others get 401/403/404", async () => {
    const requestId = await createAcceptedCase({ enterprise, expert });
    expect((await call(postDispute, null, requestId, newDispute())).status).toBe(401);
    expect((await call(postDispute, enterprise, requestId, newDispute())).status).toBe(403);
    expect((await call(postDispute, station, requestId, newDispute())).status).toBe(403);
    expect((await call(postDispute, otherExpert, requestId, newDispute())).status).toBe(404);
    expect((await call(postDispute, farAdmin, requestId, newDispute())).status).toBe(404);
    expect((await call(postDispute, admin, requestId, newDispute())).status).toBe(201);
  });

  it("refuses disputes on a case that is not accepted or in progress", async () => {
    const resolved = await createAcceptedCase({ enterprise, expert, status: "resolved" });
    const res = await call(postDispute, expert, resolved, newDispute());
    expect(res.status).toBe(409);
    expect(res.json.error?.code).toBe("conflict");
  });

  it("checks the input field by field and changes nothing", async () => {
    const requestId = await createAcceptedCase({ enterprise, expert });
    const res = await call(postDispute, expert, requestId, {
      counterparty: { name: "", creditCode: "91330421MA2B3C4D5X" },
      kind: "nope",
      claimedFen: 12.5,
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error?.fields ?? {}).sort()).toEqual(["claimedFen", "counterparty.creditCode", "counterparty.name", "kind"]);
    expect(await db.$count(disputes, eq(disputes.requestId, requestId))).toBe(0);
  });

  it("shows the disputes and ledger totals to the company and to no other company", async () => {
    const requestId = await createAcceptedCase({ enterprise, expert });
    const { json } = await call(postDispute, expert, requestId, newDispute(5_000_00));
    await call(postRecovery, expert, json.id as string, entry(1_234_56));
    const mine = await call(listDisputes, enterprise, requestId, undefined, "GET");
    expect(mine.status).toBe(200);
    expect(mine.json.totals).toEqual({ count: 1, open: 1, closed: 0, claimedFen: 5_000_00, recoveredFen: 1_234_56 });
    expect((await call(listDisputes, otherEnterprise, requestId, undefined, "GET")).status).toBe(404);
    expect((await call(listDisputes, station, requestId, undefined, "GET")).status).toBe(404);
    expect((await call(listDisputes, otherExpert, requestId, undefined, "GET")).status).toBe(404);
  });
});

describe("the dispute status flow", () => {
  let enterprise: Actor, expert: Actor, requestId: string;
  beforeAll(async () => {
    enterprise = await createEnterpriseActor();
    expert = await createExpertActor();
    requestId = await createAcceptedCase({ enterprise, expert });
  });

  it("moves open -> negotiating -> resolved, closing it with a method and a date; then it never changes", async () => {
    const { json } = await call(postDispute, expert, requestId, newDispute());
    const id = json.id as string;
    expect((await call(patchDispute, expert, id, { status: "negotiating" }, "PATCH")).json).toMatchObject({ status: "negotiating", closedAt: null });
    const done = await call(patchDispute, expert, id, { status: "resolved", resolutionMethod: "mediation" }, "PATCH");
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: "resolved", resolutionMethod: "mediation", closedAt: expect.any(String) });
    expect((await call(patchDispute, expert, id, { status: "litigating" }, "PATCH")).status).toBe(409);
    expect((await call(patchDispute, expert, id, { status: "resolved" }, "PATCH")).status).toBe(409);
  });

  it("never goes back to open, and rejects unknown statuses with 422", async () => {
    const { json } = await call(postDispute, expert, requestId, newDispute());
    expect((await call(patchDispute, expert, json.id as string, { status: "open" }, "PATCH")).status).toBe(409);
    expect((await call(patchDispute, expert, json.id as string, { status: "settled" }, "PATCH")).status).toBe(422);
    expect((await call(patchDispute, expert, "not-a-uuid", { status: "mediating" }, "PATCH")).status).toBe(404);
  });

  it("changes many disputes at once and says how many were left as they were", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await call(postDispute, expert, requestId, newDispute())).json.id as string);
    await call(patchDispute, expert, ids[0]!, { status: "withdrawn" }, "PATCH");
    const result = await bulkUpdateDisputes(expert, requestId, ids, { status: "mediating", resolutionMethod: undefined });
    expect(result).toEqual({ updated: 4, skipped: 1 });
    const statuses = await db
      .select({ status: disputes.status })
      .from(disputes)
      .where(sql`${disputes.id} in ${ids}`);
    expect(statuses.map((s) => s.status).sort()).toEqual(["mediating", "mediating", "mediating", "mediating", "withdrawn"]);
  });

  it("bulk changes stay within the actor's own case", async () => {
    const otherExpert = await createExpertActor();
    const [first] = await db.select({ id: disputes.id }).from(disputes).where(eq(disputes.requestId, requestId)).limit(1);
    await expect(bulkUpdateDisputes(otherExpert, requestId, [first!.id], { status: "mediating", resolutionMethod: undefined })).rejects.toMatchObject(
      { code: "not_found" },
    );
    await expect(bulkUpdateDisputes(enterprise, requestId, [first!.id], { status: "mediating", resolutionMethod: undefined })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("the recovery ledger", () => {
  let enterprise: Actor, otherEnterprise: Actor, expert: Actor, admin: Actor, requestId: string, disputeId: string;
  beforeAll(async () => {
    enterprise = await createEnterpriseActor();
    otherEnterprise = await createEnterpriseActor();
    expert = await createExpertActor();
    admin = await createAdminActor();
    requestId = await createAcceptedCase({ enterprise, expert });
    disputeId = (await call(postDispute, expert, requestId, newDispute(10 ** 12))).json.id as string;
  });

  const recovered = async (id: string) => (await db.select({ fen: disputes.recoveredFen }).from(disputes).where(eq(disputes.id, id)))[0]!.fen;
  const ledgerSum = async (id: string) =>
    BigInt(
      (
        await db
          .select({ total: sql<string>`coalesce(sum(${recoveries.amountFen}), 0)` })
          .from(recoveries)
          .where(eq(recoveries.disputeId, id))
      )[0]!.total,
    );

  it("appends an entry and keeps the dispute's rollup equal to the ledger, exactly near the ¥10 billion ceiling", async () => {
    // leaves 10^8 fen of the claim outstanding for the entries below
    const res = await call(postRecovery, expert, disputeId, entry(10 ** 12 - 10 ** 8 - 1));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      amountFen: 10 ** 12 - 10 ** 8 - 1,
      receivedOn: "2026-01-15",
      method: "negotiation",
      reversesId: null,
      recordedBy: expert.userId,
    });
    const admins = await call(postRecovery, admin, disputeId, entry(1));
    expect(admins.status).toBe(201);
    expect(await recovered(disputeId)).toBe(10n ** 12n - 10n ** 8n);
    expect(await ledgerSum(disputeId)).toBe(10n ** 12n - 10n ** 8n);
  });

  it("refuses zero, negative, fractional and typed-yuan amounts and future dates, with field messages", async () => {
    for (const amountFen of [0, -5, 1.5, "100.00"]) {
      const res = await call(postRecovery, expert, disputeId, { ...entry(1), amountFen });
      expect(res.status).toBe(422);
      expect(res.json.error?.fields).toHaveProperty("amountFen");
    }
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    for (const receivedOn of [tomorrow, "2025-02-30", "15/01/2026"]) {
      const res = await call(postRecovery, expert, disputeId, entry(100, receivedOn));
      expect(res.status).toBe(422);
      expect(res.json.error?.fields).toHaveProperty("receivedOn");
    }
    expect((await call(postRecovery, expert, disputeId, entry(100, todayInShanghai()))).status).toBe(201);
  });

  it("corrects a mistake by a reversing entry; a second reversal is 409 and a reversal cannot be reversed", async () => {
    const before = await recovered(disputeId);
    const original = await call(postRecovery, expert, disputeId, entry(50_000_00, "2026-01-20"));
    const reversal = await call(postReverse, expert, original.json.id as string, { reason: "金额录错" });
    expect(reversal.status).toBe(201);
    expect(reversal.json).toMatchObject({ amountFen: -50_000_00, reversesId: original.json.id, reason: "金额录错", receivedOn: "2026-01-20" });
    expect(await recovered(disputeId)).toBe(before);
    const again = await call(postReverse, admin, original.json.id as string, { reason: "再来一次" });
    expect(again.status).toBe(409);
    expect((await call(postReverse, expert, reversal.json.id as string, { reason: "撤销冲正" })).status).toBe(409);
    expect((await call(postReverse, expert, original.json.id as string, { reason: "" })).status).toBe(422);
    expect(await ledgerSum(disputeId)).toBe(await recovered(disputeId));
  });

  it("of two simultaneous reversals exactly one succeeds", async () => {
    const original = await call(postRecovery, expert, disputeId, entry(777));
    const results = await Promise.all([
      call(postReverse, expert, original.json.id as string, { reason: "重复登记" }),
      call(postReverse, admin, original.json.id as string, { reason: "重复登记" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await ledgerSum(disputeId)).toBe(await recovered(disputeId));
  });

  it("lets only the case's parties with the right role write, and hides it from other companies", async () => {
    const otherExpert = await createExpertActor();
    expect((await call(postRecovery, enterprise, disputeId, entry(1))).status).toBe(403);
    expect((await call(postRecovery, otherExpert, disputeId, entry(1))).status).toBe(404);
    expect((await call(postRecovery, null, disputeId, entry(1))).status).toBe(401);
    const [some] = await db.select({ id: recoveries.id }).from(recoveries).where(eq(recoveries.disputeId, disputeId)).limit(1);
    expect((await call(postReverse, otherExpert, some!.id, { reason: "x" })).status).toBe(404);
    expect((await call(postResponse, otherEnterprise, some!.id, { response: "confirmed" })).status).toBe(404);
  });

  it("lets the company confirm or query an entry, and nothing else about it may change", async () => {
    const original = await call(postRecovery, expert, disputeId, entry(300_00));
    const id = original.json.id as string;
    const query = await call(postResponse, enterprise, id, { response: "queried" });
    expect(query.status).toBe(422);
    expect(query.json.error?.fields).toHaveProperty("note");
    const queried = await call(postResponse, enterprise, id, { response: "queried", note: "我方只收到 200 元" });
    expect(queried.json).toMatchObject({ enterpriseResponse: "queried", enterpriseNote: "我方只收到 200 元", amountFen: 300_00 });
    const confirmed = await call(postResponse, enterprise, id, { response: "confirmed" });
    expect(confirmed.json).toMatchObject({ enterpriseResponse: "confirmed", enterpriseNote: null });
    // the expert who recorded it hears each answer, with the company's note
    const told = await db
      .select({ kind: notifications.kind, data: notifications.data })
      .from(notifications)
      .where(and(eq(notifications.userId, expert.userId), eq(notifications.requestId, requestId)))
      .orderBy(notifications.createdAt);
    expect(told.filter((n) => n.kind.startsWith("recovery.") && n.kind !== "recovery.recorded")).toEqual([
      { kind: "recovery.queried", data: expect.objectContaining({ reason: "我方只收到 200 元" }) },
      { kind: "recovery.confirmed", data: expect.objectContaining({ reason: null }) },
    ]);
    expect((await call(postResponse, expert, id, { response: "confirmed" })).status).toBe(403);
    await expect(db.update(recoveries).set({ amountFen: 1n }).where(eq(recoveries.id, id))).rejects.toThrow();
    await expect(db.delete(recoveries).where(eq(recoveries.id, id))).rejects.toThrow();
  });

  it("refuses any change of an entry but the company's answer, whatever the column, and refuses TRUNCATE", async () => {
    const original = await call(postRecovery, expert, disputeId, entry(200_00));
    const reversal = await call(postReverse, expert, original.json.id as string, { reason: "金额录错" });
    const id = reversal.json.id as string;
    await expect(db.update(recoveries).set({ reason: "改写的原因" }).where(eq(recoveries.id, id))).rejects.toThrow();
    await expect(
      db
        .update(recoveries)
        .set({ recordedAt: new Date(0) })
        .where(eq(recoveries.id, id)),
    ).rejects.toThrow();
    await expect(db.execute(sql`truncate recoveries`)).rejects.toThrow();
    const [kept] = await db.select({ reason: recoveries.reason }).from(recoveries).where(eq(recoveries.id, id));
    expect(kept!.reason).toBe("金额录错");
    await db.update(recoveries).set({ enterpriseResponse: "confirmed", enterpriseNote: null }).where(eq(recoveries.id, id));
    expect(await db.$count(recoveries, eq(recoveries.disputeId, disputeId))).toBeGreaterThan(2);
  });

  it("keeps the ledger open after resolution and closes it with the case", async () => {
    const resolved = await createAcceptedCase({ enterprise, expert, status: "in_progress" });
    const id = (await call(postDispute, expert, resolved, newDispute())).json.id as string;
    await db.update(requests).set({ status: "resolved", resolvedAt: new Date() }).where(eq(requests.id, resolved));
    expect((await call(postRecovery, expert, id, entry(100))).status).toBe(201);
    expect((await call(patchDispute, expert, id, { status: "resolved" }, "PATCH")).status).toBe(409);
    await db.update(requests).set({ status: "closed", closedAt: new Date() }).where(eq(requests.id, resolved));
    const res = await call(postRecovery, expert, id, entry(100));
    expect(res.status).toBe(409);
  });
});
