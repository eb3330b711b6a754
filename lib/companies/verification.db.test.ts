import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import { enterprises, events, notifications, requests, users } from "@/db/schema";
import { POST as registerRoute } from "@/app/api/v1/enterprises/register/route";
import { POST as verificationRoute } from "@/app/api/v1/enterprises/[id]/verification/route";
import { loadActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { fileRequest } from "@/lib/requests/file-request";
import { listRequestsForActor } from "@/lib/requests/queries";
import { freshCreditCode } from "@/test/access/sample-inputs";
import { openSecondConnection, useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createExpertActor, createStationActor } from "@/test/fixtures";
import { createTriagedRequest, declareConflict } from "@/test/routing-fixtures";
import { requestInput } from "@/test/request-fixtures";
import { listCandidates } from "@/lib/routing/candidates";
import { decideVerification } from "./decide-verification";

useTestDatabase();

let station: Actor;
let admin: Actor;
let qingpuAdmin: Actor;
let addressCount = 0;

beforeAll(async () => {
  station = await createStationActor();
  admin = await createAdminActor("330421");
  qingpuAdmin = await createAdminActor("310118");
});

/** A walk-in request a station files for the company with that credit code. */
const walkIn = async (creditCode: string, title = "来访企业的欠款") =>
  (
    await fileRequest(
      station,
      requestInput({ title, enterprise: { name: "嘉善某纺织厂", creditCode, contactName: "赵厂长", contactPhone: "13800000000" } }),
    )
  ).id;

async function register(creditCode: string, email = `owner-${++addressCount}@example.com`) {
  const response = await registerRoute(
    new Request("http://localhost/api/v1/enterprises/register", {
      method: "POST",
      body: JSON.stringify({ companyName: "嘉善某纺织有限公司", creditCode, contactName: "赵总", email, password: "a-long-password-2026" }),
      headers: { "content-type": "application/json", "x-forwarded-for": `10.90.0.${addressCount}` },
    }),
  );
  return {
    status: response.status,
    body: (await response.json()) as { enterpriseId: string; userId: string; error?: { fields: Record<string, string> } },
  };
}

const idsFor = async (actor: Actor) => (await listRequestsForActor(actor, {}, { page: 1, pageSize: 100 })).items.map((r) => r.id);
const visibleIds = async (userId: string) => idsFor((await loadActor(userId))!);

async function decide(enterpriseId: string, approve: boolean, as: Actor = admin) {
  const response = await verificationRoute(
    new Request(`http://localhost/api/v1/enterprises/${enterpriseId}/verification`, {
      method: "POST",
      body: JSON.stringify({ approve, reason: approve ? "已核对营业执照和法定代表人授权书" : "无法联系到企业核实" }),
      headers: { "content-type": "application/json", authorization: `Bearer ${await bearerFor(as)}` },
    }),
    { params: Promise.resolve({ id: enterpriseId }) },
  );
  return { status: response.status, body: (await response.json()) as { verification: string; creditCode: string | null; requestsJoined: number } };
}

describe("verifying that a registered account acts for its company", () => {
  it("registers a code only stations filed for (201), hides the walk-ins until an admin verifies, then they join the company", async () => {
    const code = freshCreditCode();
    const filed = [await walkIn(code), await walkIn(code, "第二件来访诉求")];
    const [record] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.creditCode, code));

    const registered = await register(code);
    expect(registered.status).toBe(201);
    const { enterpriseId, userId } = registered.body;
    expect(await visibleIds(userId)).toEqual([]);
    const [pending] = await db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
    expect(pending).toMatchObject({ creditCode: null, claimedCreditCode: code, verification: "pending" });

    const decided = await decide(enterpriseId, true);
    expect(decided).toEqual({ status: 200, body: { enterpriseId, verification: "verified", creditCode: code, requestsJoined: 2 } });
    expect((await visibleIds(userId)).sort()).toEqual([...filed].sort());
    // The code passed to the company; the station still sees what it filed.
    const [walkInRecord] = await db.select().from(enterprises).where(eq(enterprises.id, record!.id));
    expect(walkInRecord?.creditCode).toBeNull();
    expect(await idsFor(station)).toEqual(expect.arrayContaining(filed));
    // A later walk-in for the code is filed for the company.
    const later = await walkIn(code, "核验后的来访诉求");
    expect(await visibleIds(userId)).toContain(later);
    // Written down: the decision on the company, the move on each request's timeline, the members told.
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.entityId, enterpriseId), eq(events.type, "enterprise.verified")));
    expect(event).toMatchObject({
      actorUserId: admin.userId,
      reason: "已核对营业执照和法定代表人授权书",
      data: { creditCode: code, requestsJoined: 2 },
    });
    expect(
      await db
        .select()
        .from(events)
        .where(and(eq(events.requestId, filed[0]!), eq(events.type, "request.enterprise_verified"))),
    ).toHaveLength(1);
    const [told] = await db.select().from(notifications).where(eq(notifications.userId, userId));
    expect(told).toMatchObject({ kind: "enterprise.verification", data: { decision: "approved" } });
  });

  it("answers a code stations filed for exactly as a fresh code, and a code an account holds or claims with 409", async () => {
    const stationCode = freshCreditCode();
    await walkIn(stationCode);
    const withWalkIns = await register(stationCode);
    const fresh = await register(freshCreditCode());
    expect([withWalkIns.status, fresh.status]).toEqual([201, 201]);
    expect(Object.keys(withWalkIns.body).sort()).toEqual(Object.keys(fresh.body).sort());
    const states = await db
      .select({ creditCode: enterprises.creditCode, verification: enterprises.verification })
      .from(enterprises)
      .where(eq(enterprises.id, withWalkIns.body.enterpriseId));
    const freshStates = await db
      .select({ creditCode: enterprises.creditCode, verification: enterprises.verification })
      .from(enterprises)
      .where(eq(enterprises.id, fresh.body.enterpriseId));
    expect(states).toEqual(freshStates);

    // Claimed and waiting, then held once verified: either way another registration is told to ask for an invitation.
    const claimed = await register(stationCode);
    expect(claimed.status).toBe(409);
    expect(claimed.body.error?.fields.creditCode).toBeTruthy();
    await decide(withWalkIns.body.enterpriseId, true);
    expect((await register(stationCode)).status).toBe(409);
  });

  it("refuses: the account is told, never sees the walk-ins, and the code may be claimed again", async () => {
    const code = freshCreditCode();
    const filed = await walkIn(code);
    const { enterpriseId, userId } = (await register(code)).body;
    const refused = await decide(enterpriseId, false);
    expect(refused).toEqual({ status: 200, body: { enterpriseId, verification: "refused", creditCode: null, requestsJoined: 0 } });
    expect(await visibleIds(userId)).toEqual([]);
    const [told] = await db.select().from(notifications).where(eq(notifications.userId, userId));
    expect(told).toMatchObject({ kind: "enterprise.verification", data: { decision: "refused", reason: "无法联系到企业核实" } });
    // A second decision is too late.
    expect((await decide(enterpriseId, true)).status).toBe(409);
    // The rightful company registers and is verified; the walk-in is theirs.
    const rightful = await register(code);
    expect(rightful.status).toBe(201);
    await decide(rightful.body.enterpriseId, true);
    expect(await visibleIds(rightful.body.userId)).toEqual([filed]);
  });

  it("keeps an expert with a conflict against the claimed code off the company's requests while it waits", async () => {
    const code = freshCreditCode();
    const { userId } = (await register(code)).body;
    const conflicted = await createExpertActor({ name: "与该企业有利害关系" });
    await declareConflict(conflicted, "另一个名称有限公司", code);
    const requestId = await createTriagedRequest((await loadActor(userId))!);
    const { excluded } = await listCandidates(await createAdminActor(), requestId);
    expect(excluded.find((e) => e.expertId === conflicted.expertId)?.why.code).toBe("excluded.conflict");
  });

  it("leaves the decision to the admins of the district in the credit code (403 for another district's)", async () => {
    const { enterpriseId } = (await register(freshCreditCode("330421"))).body;
    expect((await decide(enterpriseId, true, qingpuAdmin)).status).toBe(403);
    const [row] = await db.select({ verification: enterprises.verification }).from(enterprises).where(eq(enterprises.id, enterpriseId));
    expect(row?.verification).toBe("pending");
    expect((await decide(enterpriseId, true, await createAdminActor())).status).toBe(200);
  });

  it("decides once when two admins decide at the same moment", async () => {
    const code = freshCreditCode();
    await walkIn(code);
    const { enterpriseId } = (await register(code)).body;
    const outcomes = await Promise.allSettled([
      decideVerification(admin, enterpriseId, { approve: true, reason: "核验通过" }),
      decideVerification(await createAdminActor(), enterpriseId, { approve: false, reason: "不予通过" }),
    ]);
    const fulfilled = outcomes.filter((o) => o.status === "fulfilled");
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected.map((o) => (o.reason as AppError).code)).toEqual(["conflict"]);
    expect(
      await db
        .select()
        .from(events)
        .where(and(eq(events.entityId, enterpriseId), eq(events.entityType, "enterprise"))),
    ).toHaveLength(2); // registered, and one decision
  });

  it("waits for a station's filing in flight for the code, and takes its request along (PostgreSQL)", async (context) => {
    const code = freshCreditCode();
    await walkIn(code);
    const { enterpriseId } = (await register(code)).body;
    const [holder] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.creditCode, code));
    // A second connection files as a station does (lib/requests/file-request.ts): it has found the
    // record holding the code, locked for key share, and has not yet written its request ...
    const other = await openSecondConnection();
    if (!other) return context.skip("PGlite has one connection");
    let found!: () => void;
    let release!: () => void;
    const holderFound = new Promise<void>((resolve) => (found = resolve));
    const mayWrite = new Promise<void>((resolve) => (release = resolve));
    try {
      const filing = other.begin(async (tx) => {
        await tx`select id from enterprises where credit_code = ${code} for key share`;
        found();
        await mayWrite;
        const [row] = await tx<{ id: string }[]>`
          insert into requests (title, category, description, region_code, enterprise_id, filed_by_user_id, station_id, channel)
          values ('并发登记', 'consultation', '来访咨询', '330421002', ${holder!.id}, ${station.userId}, ${station.stationId}, 'station')
          returning id`;
        return row!.id;
      });
      await holderFound;
      // ... when the admin verifies: the decision waits for the filing, then moves its request too.
      const deciding = decideVerification(admin, enterpriseId, { approve: true, reason: "核验通过" });
      for (let waited = 0; waited < 300; waited++) {
        const [row] = rowsOf<{ n: number }>(
          await db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`),
        );
        if (row!.n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      release();
      const filedId = await filing;
      expect((await deciding).requestsJoined).toBe(2);
      const [filed] = await db.select({ enterpriseId: requests.enterpriseId }).from(requests).where(eq(requests.id, filedId));
      expect(filed?.enterpriseId).toBe(enterpriseId);
    } finally {
      release();
      await other.end();
    }
  });

  it("leaves no walk-in behind when a station files for the code while it is verified", async () => {
    const code = freshCreditCode();
    await walkIn(code);
    const { enterpriseId } = (await register(code)).body;
    const [, ...filed] = await Promise.all([
      decideVerification(admin, enterpriseId, { approve: true, reason: "核验通过" }),
      ...["一", "二", "三", "四"].map((n) => walkIn(code, `同时登记${n}`)),
    ]);
    const owners = await db.select({ enterpriseId: requests.enterpriseId }).from(requests).where(inArray(requests.id, filed));
    expect(owners.map((r) => r.enterpriseId)).toEqual(filed.map(() => enterpriseId));
  });

  it("brings companies registered unverified before verification existed into the queue (migration 0021)", async () => {
    const migration = readFileSync(path.resolve(__dirname, "../../db/migrations/0021_enterprise_verification.sql"), "utf8");
    const backfill = migration.split("--> statement-breakpoint").at(-1)!;
    const code = freshCreditCode();
    const legacy = async (at: string) => {
      const [company] = await db
        .insert(enterprises)
        .values({ name: "旧注册", nameNormalized: "旧注册", contactName: "钱" })
        .returning({ id: enterprises.id });
      await db
        .insert(users)
        .values({ email: `legacy-${at}-${code}@example.com`, passwordHash: "x", role: "enterprise", name: "钱", enterpriseId: company!.id });
      await db.insert(events).values({
        type: "enterprise.registered",
        entityType: "enterprise",
        entityId: company!.id,
        actorRole: "enterprise",
        data: { creditCode: code, verified: false },
        at: new Date(at),
      });
      return company!.id;
    };
    const first = await legacy("2026-01-01T00:00:00Z");
    const second = await legacy("2026-02-01T00:00:00Z");
    await db.execute(sql.raw(backfill));
    const rows = await db
      .select({ id: enterprises.id, verification: enterprises.verification, claimed: enterprises.claimedCreditCode })
      .from(enterprises)
      .where(inArray(enterprises.id, [first, second]));
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.verification, r.claimed]]))).toEqual({ [first]: ["pending", code], [second]: [null, null] });
  });
});
