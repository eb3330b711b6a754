import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as fileRoute } from "@/app/api/v1/requests/route";
import { GET as detailRoute } from "@/app/api/v1/requests/[id]/route";
import { db, rowsOf } from "@/db";
import { enterprises, events, notifications, requestCounterparties, requests, requestSpecialties } from "@/db/schema";
import { makeCreditCode } from "@/db/seed/demo-data";
import { seededRandom } from "@/db/seed/random";
import type { Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "@/test/fixtures";
import { fileRequest } from "./file-request";
import { listRequestsForActor } from "./queries";
import { requestInput } from "@/test/request-fixtures";

useTestDatabase();

const page = { page: 1, pageSize: 20 };
const countRequests = async (where = sql`true`) =>
  rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from requests where ${where}`))[0]!.n;

async function thrown(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("an enterprise files a request", () => {
  let enterprise: Actor;
  let admin: Actor;
  beforeAll(async () => {
    enterprise = await createEnterpriseActor();
    admin = await createAdminActor("330421");
  });

  it("stores the request with its counterparties (names normalised), specialties, amount in fen and the submitted event", async () => {
    const filed = await fileRequest(enterprise, requestInput({ language: "wu", serviceMode: "onsite", urgency: "urgent" }));
    expect(filed).toMatchObject({ status: "submitted", channel: "web", enterpriseId: enterprise.enterpriseId, stationId: null, replayed: false });
    const [row] = await db.select().from(requests).where(eq(requests.id, filed.id));
    expect(row).toMatchObject({
      amountAtStakeFen: 128_000_050n,
      urgency: "urgent",
      language: "wu",
      serviceMode: "onsite",
      filedByUserId: enterprise.userId,
    });
    const parties = await db.select().from(requestCounterparties).where(eq(requestCounterparties.requestId, filed.id));
    expect(parties.map((p) => [p.name, p.nameNormalized]).sort()).toEqual([
      ["上海某科技有限公司", "上海某科技有限公司"],
      ["嘉兴（某）贸易 有限公司", "嘉兴某贸易有限公司"],
    ]);
    expect(
      await db.select({ code: requestSpecialties.specialtyCode }).from(requestSpecialties).where(eq(requestSpecialties.requestId, filed.id)),
    ).toEqual([{ code: "debt_collection" }]);
    const [event] = await db.select().from(events).where(eq(events.requestId, filed.id));
    expect(event).toMatchObject({ type: "request.submitted", actorRole: "enterprise", actorUserId: enterprise.userId });
    const adminInbox = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, admin.userId), eq(notifications.requestId, filed.id)));
    expect(adminInbox).toHaveLength(1);
    expect((await listRequestsForActor(enterprise, {}, page)).items.map((i) => i.id)).toContain(filed.id);
  });

  it("files once for a repeated idempotency key, and the second answer is the first request", async () => {
    const first = await fileRequest(enterprise, requestInput(), { idempotencyKey: "key-sequential-1" });
    const second = await fileRequest(enterprise, requestInput({ title: "another title" }), { idempotencyKey: "key-sequential-1" });
    expect(second).toMatchObject({ id: first.id, replayed: true });
    expect(await countRequests(sql`idempotency_key = 'key-sequential-1'`)).toBe(1);
  });

  it("files once when two submits with the same key arrive at the same moment", async () => {
    const results = await Promise.all([1, 2, 3].map(() => fileRequest(enterprise, requestInput(), { idempotencyKey: "key-concurrent-1" })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await countRequests(sql`idempotency_key = 'key-concurrent-1'`)).toBe(1);
  });

  it("treats the same key from another account as a different request", async () => {
    const other = await createEnterpriseActor();
    const a = await fileRequest(enterprise, requestInput(), { idempotencyKey: "shared-key-1" });
    const b = await fileRequest(other, requestInput(), { idempotencyKey: "shared-key-1" });
    expect(a.id).not.toBe(b.id);
  });

  it("refuses unknown regions and specialties with field messages, and writes nothing", async () => {
    const before = await countRequests();
    const error = await thrown(fileRequest(enterprise, requestInput({ regionCode: "999999", specialties: ["astrology"] })));
    expect(error.code).toBe("invalid_input");
    expect(error.options.fields).toEqual({ regionCode: "errors.field.unknownRegion", specialties: "errors.field.unknownSpecialty" });
    expect(await countRequests()).toBe(before);
  });
});

describe("a station files for a walk-in", () => {
  let station: Actor;
  beforeAll(async () => {
    station = await createStationActor();
  });

  it("creates a record for a resident without a credit code, channel station, and the station follows it", async () => {
    const filed = await fileRequest(station, requestInput({ enterprise: { name: "王阿姨", contactName: "王阿姨", contactPhone: "13800000000" } }));
    expect(filed).toMatchObject({ channel: "station", stationId: station.stationId });
    const [walkIn] = await db.select().from(enterprises).where(eq(enterprises.id, filed.enterpriseId));
    expect(walkIn).toMatchObject({ name: "王阿姨", creditCode: null, contactPhone: "13800000000" });
    expect((await listRequestsForActor(station, {}, page)).items.map((i) => i.id)).toEqual([filed.id]);
    const otherStation = await createStationActor();
    expect((await listRequestsForActor(otherStation, {}, page)).total).toBe(0);
  });

  it("links a walk-in with a credit code to the registered company, which then sees the request too", async () => {
    const company = await createEnterpriseActor();
    const [registered] = await db.select({ creditCode: enterprises.creditCode }).from(enterprises).where(eq(enterprises.id, company.enterpriseId!));
    const filed = await fileRequest(
      station,
      requestInput({ enterprise: { name: "某公司", creditCode: registered!.creditCode!, contactName: "李", contactPhone: "0573-8888888" } }),
    );
    expect(filed.enterpriseId).toBe(company.enterpriseId);
    expect((await listRequestsForActor(company, {}, page)).items.map((i) => i.id)).toContain(filed.id);
  });

  it("creates one company for a new credit code, even when two walk-ins with it are filed at once", async () => {
    const code = makeCreditCode(seededRandom(4242), "330421");
    const walkIn = { name: "新来的公司", creditCode: code, contactName: "赵", contactPhone: "13900000000" };
    const [a, b] = await Promise.all([
      fileRequest(station, requestInput({ enterprise: walkIn })),
      fileRequest(station, requestInput({ enterprise: walkIn })),
    ]);
    expect(a.enterpriseId).toBe(b.enterpriseId);
    expect(await db.$count(enterprises, eq(enterprises.creditCode, code))).toBe(1);
  });

  it("asks for the walk-in's details", async () => {
    const error = await thrown(fileRequest(station, requestInput()));
    expect(error.options.fields).toEqual({ "enterprise.name": "errors.field.required" });
  });
});

describe("POST and GET /api/v1/requests", () => {
  const body = {
    title: "租金拖欠",
    category: "lease_dispute",
    description: "承租方拖欠三个月租金。",
    counterparties: [{ name: "甲公司" }, { name: "乙公司" }],
    amountAtStakeFen: 1_234_567,
    urgency: "normal",
    regionCode: "330421",
  };
  const post = (token: string, payload: unknown, headers: Record<string, string> = {}) =>
    fileRoute(
      new Request("http://localhost/api/v1/requests", {
        method: "POST",
        body: JSON.stringify(payload),
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      }),
    );

  it("answers 201 with the contract's shape, replays an Idempotency-Key, and marks API filings", async () => {
    const enterprise = await createEnterpriseActor();
    const token = await bearerFor(enterprise);
    const first = await post(token, body, { "idempotency-key": "api-key-1" });
    expect(first.status).toBe(201);
    const filed = (await first.json()) as { id: string; status: string; channel: string };
    expect(filed).toMatchObject({ status: "submitted", channel: "api" });
    const again = await post(token, { ...body, title: "different" }, { "idempotency-key": "api-key-1" });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as { id: string }).id).toBe(filed.id);

    const detail = await detailRoute(new Request(`http://localhost/api/v1/requests/${filed.id}`, { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ id: filed.id }),
    });
    const json = (await detail.json()) as {
      amountAtStakeFen: number;
      events: { type: string; actorRole: string; at: string }[];
      counterparties: unknown[];
    };
    expect(json.amountAtStakeFen).toBe(1_234_567);
    expect(json.counterparties).toHaveLength(2);
    expect(json.events).toEqual([{ type: "request.submitted", actorRole: "enterprise", at: expect.any(String) }]);

    const list = await listRoute(
      new Request("http://localhost/api/v1/requests?status=submitted&pageSize=5", { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(await list.json()).toMatchObject({ page: 1, pageSize: 5, total: 1, items: [{ id: filed.id }] });
  });

  it("answers 422 with field messages for invalid values, 400 for malformed JSON, 413 for a huge body", async () => {
    const token = await bearerFor(await createEnterpriseActor());
    const bad = await post(token, { ...body, title: "", amountAtStakeFen: 12.5, counterparties: [{ name: "x", creditCode: "123" }] });
    expect(bad.status).toBe(422);
    const { error } = (await bad.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields).sort()).toEqual(["amountAtStakeFen", "counterparties.0.creditCode", "title"]);
    const malformed = await fileRoute(
      new Request("http://localhost/api/v1/requests", {
        method: "POST",
        body: "{",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      }),
    );
    expect(malformed.status).toBe(400);
    const huge = await post(token, { ...body, description: "很".repeat(300_000) });
    expect(huge.status).toBe(413);
  });

  it("does not let an expert file (403); an admin files a hotline call, for a caller only (422 without one)", async () => {
    const expert = await createExpertActor();
    expect((await post(await bearerFor(expert), body)).status).toBe(403);
    const admin = await createAdminActor();
    expect((await post(await bearerFor(admin), body)).status).toBe(422);
  });
});
