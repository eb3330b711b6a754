import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listDisputes, POST as postDispute } from "@/app/api/v1/requests/[id]/disputes/route";
import { POST as postRecovery } from "@/app/api/v1/disputes/[id]/recoveries/route";
import { POST as postReverse } from "@/app/api/v1/recoveries/[id]/reverse/route";
import { GET as getReports } from "@/app/api/v1/reports/route";
import { GET as getStats } from "@/app/api/v1/stats/route";
import { db } from "@/db";
import { notifications, recoveries } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { MAX_SAFE_FEN } from "@/lib/money";
import { OverClaimError } from "./over-claim";
import { recordRecovery } from "./record-recovery";
import { fileRequestApiSchema } from "@/lib/requests/schemas";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { createAcceptedCase } from "@/test/accepted-case";

useTestDatabase();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const tokens = new Map<Actor, string>();
async function call(handler: Handler, actor: Actor | null, id: string, body?: unknown, url = "http://localhost/api/v1/x") {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (actor) {
    if (!tokens.has(actor)) tokens.set(actor, await bearerFor(actor));
    headers.authorization = `Bearer ${tokens.get(actor)}`;
  }
  const response = await handler(
    new Request(url, { method: body === undefined ? "GET" : "POST", headers, body: body === undefined ? undefined : JSON.stringify(body) }),
    { params: Promise.resolve({ id }) },
  );
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown> & { error?: { code: string; fields?: Record<string, string> } },
  };
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const CEILING = 1_000_000_000_000;
const entry = (amountFen: number, extra: Record<string, unknown> = {}) => ({ amountFen, receivedOn: "2026-03-02", method: "judgment", ...extra });

/** The public and admin figures still answer (they broke with 500 on a total past 2^53 - 1 fen). */
async function figuresAnswer(admin: Actor, requestId: string) {
  return [
    (await call(getStats, null, "")).status,
    (await call(getReports, admin, "", undefined, "http://localhost/api/v1/reports?groupBy=month&from=2026-01-01&to=2026-12-31")).status,
    (await call(listDisputes, admin, requestId)).status,
  ];
}

describe("money has a ceiling and totals never break", () => {
  let enterprise: Actor, expert: Actor, admin: Actor;
  beforeAll(async () => {
    enterprise = await createEnterpriseActor();
    expert = await createExpertActor();
    admin = await createAdminActor();
  });

  it("refuses one entry of 2^53 - 1 fen (the ceiling is ¥10 billion), and the figures keep answering", async () => {
    const requestId = await createAcceptedCase({ enterprise, expert });
    const dispute = await call(postDispute, expert, requestId, { counterparty: { name: "大额相对方" }, kind: "contract", claimedFen: CEILING });
    expect(dispute.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const res = await call(postRecovery, expert, dispute.json.id as string, entry(MAX_SAFE, { confirmOverClaim: true }));
      expect(res.status).toBe(422);
      expect(Object.keys(res.json.error!.fields!)).toEqual(["amountFen"]);
    }
    expect((await call(postRecovery, expert, dispute.json.id as string, entry(CEILING))).status).toBe(201);
    expect((await call(postRecovery, expert, dispute.json.id as string, entry(CEILING + 1, { confirmOverClaim: true }))).status).toBe(422);
    expect(await figuresAnswer(admin, requestId)).toEqual([200, 200, 200]);
  });

  it("caps a claim and the sum at stake at ¥10 billion (422 naming the field)", async () => {
    const requestId = await createAcceptedCase({ enterprise, expert });
    const res = await call(postDispute, expert, requestId, { counterparty: { name: "相对方" }, kind: "contract", claimedFen: CEILING + 1 });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error!.fields!)).toEqual(["claimedFen"]);
    const filing = {
      title: "货款",
      category: "debt_collection",
      specialties: [],
      description: "拖欠货款",
      counterparties: [],
      urgency: "normal",
      regionCode: "330421",
    };
    const parsed = fileRequestApiSchema.safeParse({ ...filing, amountAtStakeFen: CEILING + 1 });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."))).toEqual(["amountAtStakeFen"]);
    expect(fileRequestApiSchema.safeParse({ ...filing, amountAtStakeFen: CEILING }).success).toBe(true);
  });

  it("an entry above the dispute's outstanding claim needs confirmOverClaim: true", async () => {
    const requestId = await createAcceptedCase({ enterprise, expert });
    const dispute = await call(postDispute, expert, requestId, { counterparty: { name: "相对方" }, kind: "receivable", claimedFen: 100_000 });
    const id = dispute.json.id as string;
    expect((await call(postRecovery, expert, id, entry(60_000))).status).toBe(201);
    // 40,000 fen are outstanding now
    const over = await call(postRecovery, expert, id, entry(40_001));
    expect(over.status).toBe(422);
    expect(Object.keys(over.json.error!.fields!)).toEqual(["amountFen"]);
    // the API's answer is unchanged; the use case's error carries the figures a form shows side by side
    const refused = await recordRecovery(expert, id, { amountFen: 40_001n, receivedOn: "2026-01-15", method: "negotiation" }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(OverClaimError);
    expect((refused as OverClaimError).figures).toEqual({
      claimedFen: 100_000n,
      recoveredFen: 60_000n,
      outstandingFen: 40_000n,
      amountFen: 40_001n,
      totalAfterFen: 100_001n,
    });
    expect(await db.$count(recoveries, eq(recoveries.disputeId, id))).toBe(1);
    expect((await call(postRecovery, expert, id, entry(40_001, { confirmOverClaim: true }))).status).toBe(201);
    expect((await call(postRecovery, admin, id, entry(1, { confirmOverClaim: false }))).status).toBe(422);
  });

  it("refuses (409) an entry that would take the grand total past 2^53 - 1 fen, and the figures keep answering", async () => {
    const requestId = await createAcceptedCase({ enterprise, expert });
    const dispute = await call(postDispute, expert, requestId, { counterparty: { name: "相对方" }, kind: "receivable", claimedFen: CEILING });
    const disputeId = dispute.json.id as string;
    // The ledger as some 9,000 maximal entries would leave it: half a maximal entry short of 2^53 - 1 fen.
    const [recorded] = await db.select({ total: sql<string>`coalesce(sum(${recoveries.amountFen}), 0)::text` }).from(recoveries);
    const filler = MAX_SAFE_FEN - BigInt(recorded!.total) - BigInt(CEILING / 2);
    const rows = 9n;
    await db.insert(recoveries).values(
      Array.from({ length: Number(rows) }, (_, i) => ({
        disputeId,
        requestId,
        amountFen: filler / rows + (i === 0 ? filler % rows : 0n),
        receivedOn: "2026-03-01",
        method: "judgment" as const,
        recordedBy: admin.userId,
      })),
    );
    const refused = await call(postRecovery, expert, disputeId, entry(CEILING, { confirmOverClaim: true }));
    expect(refused.status).toBe(409);
    expect((await call(postRecovery, expert, disputeId, entry(CEILING / 4, { confirmOverClaim: true }))).status).toBe(201);
    expect(await figuresAnswer(admin, requestId)).toEqual([200, 200, 200]);
    expect(
      (await call(postDispute, expert, requestId, { counterparty: { name: "又一相对方" }, kind: "receivable", claimedFen: CEILING })).status,
    ).toBe(201);
  });

  it("tells the company about a reversal as it told it about the entry", async () => {
    const requestId = await createAcceptedCase({ enterprise, expert });
    const dispute = await call(postDispute, expert, requestId, { counterparty: { name: "相对方" }, kind: "receivable", claimedFen: 100_000 });
    const recorded = await call(postRecovery, expert, dispute.json.id as string, entry(50_000));
    expect((await call(postReverse, expert, recorded.json.id as string, { reason: "金额录错" })).status).toBe(201);
    const kinds = await db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.userId, enterprise.userId), eq(notifications.requestId, requestId)));
    expect(
      kinds
        .map((k) => k.kind)
        .filter((k) => k.startsWith("recovery."))
        .sort(),
    ).toEqual(["recovery.recorded", "recovery.reversed"]);
  });
});
