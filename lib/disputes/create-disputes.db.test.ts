import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listDisputes } from "@/app/api/v1/requests/[id]/disputes/route";
import { POST as postDisputes } from "@/app/api/v1/requests/[id]/disputes/bulk/route";
import { db } from "@/db";
import { disputes, events, requestCounterparties, requests } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "@/test/fixtures";
import { createAcceptedCase } from "@/test/accepted-case";
import { createDisputes } from "./create-dispute";
import { getRequestDisputes } from "./queries";

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
    new Request(`http://localhost/api/v1/requests/${id}/disputes/bulk`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown> & { error?: { code: string; fields?: Record<string, string> } },
  };
}

const row = (name: string, claimedFen: number, kind = "receivable") => ({ counterparty: { name }, kind, claimedFen });
const threeRows = () => [row("嘉兴甲贸易有限公司", 1_000_000), row("嘉兴乙物流有限公司", 250_050, "contract"), row("平湖丙商行", 0, "other")];
const countOn = (requestId: string) => db.$count(disputes, eq(disputes.requestId, requestId));

describe("several disputes at once", () => {
  let enterprise: Actor, expert: Actor, otherExpert: Actor, admin: Actor, farAdmin: Actor, station: Actor;

  beforeAll(async () => {
    enterprise = await createEnterpriseActor();
    expert = await createExpertActor();
    otherExpert = await createExpertActor();
    admin = await createAdminActor();
    farAdmin = await createAdminActor("310118");
    station = await createStationActor();
  });

  it("opens every row in order, one event each, and starts the accepted case once", async () => {
    const requestId = await createAcceptedCase({ enterprise, expert });
    const res = await call(postDisputes, expert, requestId, { disputes: threeRows() });
    expect(res.status).toBe(201);
    const ids = res.json.ids as string[];
    expect(ids).toHaveLength(3);
    const listed = await call(listDisputes, enterprise, requestId, undefined, "GET");
    const items = listed.json.items as { id: string; counterpartyName: string; claimedFen: number }[];
    expect(items.map((d) => [d.counterpartyName, d.claimedFen])).toEqual([
      ["嘉兴甲贸易有限公司", 1_000_000],
      ["嘉兴乙物流有限公司", 250_050],
      ["平湖丙商行", 0],
    ]);
    expect(new Set(items.map((d) => d.id))).toEqual(new Set(ids));
    const types = (await db.select({ type: events.type }).from(events).where(eq(events.requestId, requestId))).map((e) => e.type);
    expect(types.filter((t) => t === "dispute.created")).toHaveLength(3);
    expect(types.filter((t) => t === "request.start")).toHaveLength(1);
    const [request] = await db.select({ status: requests.status }).from(requests).where(eq(requests.id, requestId));
    expect(request!.status).toBe("in_progress");
  });

  it("saves nothing when one row is wrong, and names that row and field", async () => {
    const requestId = await createAcceptedCase({ enterprise, expert });
    const rows = [...threeRows(), row("", 5_00), row("海宁丁公司", 12.5)];
    const res = await call(postDisputes, expert, requestId, { disputes: rows });
    expect(res.status).toBe(422);
    expect(res.json.error?.code).toBe("invalid_input");
    expect(Object.keys(res.json.error?.fields ?? {}).sort()).toEqual(["disputes.3.counterparty.name", "disputes.4.claimedFen"]);
    expect(await countOn(requestId)).toBe(0);
    // the case was not started either
    const [request] = await db.select({ status: requests.status }).from(requests).where(eq(requests.id, requestId));
    expect(request!.status).toBe("accepted");
  });

  it("rolls every row back when the database refuses one of them", async () => {
    const requestId = await createAcceptedCase({ enterprise, expert });
    // past the schema (as another caller of the use case could be): the claim's CHECK refuses the second row
    const rows = [
      { counterpartyName: "嘉兴甲贸易有限公司", kind: "receivable" as const, claimedFen: 1_000n },
      { counterpartyName: "嘉兴乙物流有限公司", kind: "contract" as const, claimedFen: -1n },
    ];
    await expect(createDisputes(expert, requestId, rows)).rejects.toThrow();
    expect(await countOn(requestId)).toBe(0);
    expect(await db.$count(events, eq(events.requestId, requestId))).toBe(0);
  });

  it("takes at most 200 rows and at least one", async () => {
    const requestId = await createAcceptedCase({ enterprise, expert });
    const many = Array.from({ length: 201 }, (_, i) => row(`相对方${i}`, 100));
    const tooMany = await call(postDisputes, expert, requestId, { disputes: many });
    expect(tooMany.status).toBe(422);
    expect(Object.keys(tooMany.json.error?.fields ?? {})).toEqual(["disputes"]);
    expect((await call(postDisputes, expert, requestId, { disputes: [] })).status).toBe(422);
    await expect(createDisputes(expert, requestId, [])).rejects.toMatchObject({ code: "invalid_input" });
    expect(await countOn(requestId)).toBe(0);
    expect((await call(postDisputes, expert, requestId, { disputes: many.slice(0, 200) })).status).toBe(201);
    expect(await countOn(requestId)).toBe(200);
  });

  it("only the assigned expert and admins covering the case may; others get 401/403/404 and nothing is saved", async () => {
    const requestId = await createAcceptedCase({ enterprise, expert });
    const body = { disputes: threeRows() };
    expect((await call(postDisputes, null, requestId, body)).status).toBe(401);
    expect((await call(postDisputes, enterprise, requestId, body)).status).toBe(403);
    expect((await call(postDisputes, station, requestId, body)).status).toBe(403);
    expect((await call(postDisputes, otherExpert, requestId, body)).status).toBe(404);
    expect((await call(postDisputes, farAdmin, requestId, body)).status).toBe(404);
    expect(await countOn(requestId)).toBe(0);
    expect((await call(postDisputes, admin, requestId, body)).status).toBe(201);
    expect(await countOn(requestId)).toBe(3);
  });

  it("refuses a case that is not accepted or in progress", async () => {
    const resolved = await createAcceptedCase({ enterprise, expert, status: "resolved" });
    const res = await call(postDisputes, expert, resolved, { disputes: threeRows() });
    expect(res.status).toBe(409);
    expect(await countOn(resolved)).toBe(0);
  });

  it("offers the counterparties named in the request to the disputes board", async () => {
    const requestId = await createAcceptedCase({ enterprise, expert });
    await db.insert(requestCounterparties).values([
      { requestId, name: "嘉兴乙物流有限公司", nameNormalized: "嘉兴乙物流有限公司", creditCode: "91330421MA2B3C4D5E" },
      { requestId, name: "嘉兴甲贸易有限公司", nameNormalized: "嘉兴甲贸易有限公司" },
    ]);
    const { counterparties } = await getRequestDisputes(expert, requestId);
    expect(counterparties).toEqual([
      { name: "嘉兴乙物流有限公司", creditCode: "91330421MA2B3C4D5E" },
      { name: "嘉兴甲贸易有限公司", creditCode: null },
    ]);
  });
});
