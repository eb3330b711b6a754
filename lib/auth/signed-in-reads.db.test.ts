import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as readMe } from "@/app/api/v1/me/route";
import { GET as readRequest } from "@/app/api/v1/requests/[id]/route";
import { db } from "@/db";
import { apiTokens } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, sessionCookieFor } from "@/test/fixtures";
import { putOnPanel } from "@/test/panel-fixtures";
import { fileAs, moveTo } from "@/test/request-fixtures";
import { statementsDuring } from "@/test/statement-count";
import { hashToken } from "./api-tokens";

const database = useTestDatabase();

// What a signed-in read costs the database, counted statement by statement at the driver, through
// the real route handlers with a real session cookie or API token: one statement finds the caller,
// one reads the data.

let enterprise: Actor;
let expert: Actor;
let panelExpert: Actor;
let admin: Actor;
let requestId: string;
let otherCompanysRequest: string;
beforeAll(async () => {
  [enterprise, expert, panelExpert, admin] = await Promise.all([
    createEnterpriseActor(),
    createExpertActor(),
    createExpertActor(),
    createAdminActor(),
  ]);
  requestId = await fileAs(enterprise);
  await moveTo(requestId, "in_progress", expert);
  await putOnPanel(requestId, panelExpert, expert, "accepted");
  otherCompanysRequest = await fileAs(await createEnterpriseActor());
});

type Credential = "cookie" | "token";
async function headersFor(actor: Actor, credential: Credential): Promise<Record<string, string>> {
  return credential === "cookie" ? { cookie: await sessionCookieFor(actor) } : { authorization: `Bearer ${await bearerFor(actor)}` };
}

async function get(url: string, headers: Record<string, string>, params: Record<string, string> = {}) {
  const route = params.id ? readRequest : readMe;
  const { result, statements } = await statementsDuring(database.current(), () =>
    route(new Request(`http://localhost:3000${url}`, { headers }), { params: Promise.resolve(params) }),
  );
  return { status: result.status, body: (await result.json()) as Record<string, unknown>, statements };
}

describe("a signed-in read", () => {
  it.each(["cookie", "token"] as const)("GET /api/v1/me with a %s is one statement", async (credential) => {
    const { status, body, statements } = await get("/api/v1/me", await headersFor(enterprise, credential));
    expect(status).toBe(200);
    expect(body).toMatchObject({ userId: enterprise.userId, enterpriseId: enterprise.enterpriseId });
    expect(statements, statements.join("\n\n")).toHaveLength(1);
  });

  it.each([
    ["the company", () => enterprise, "cookie"],
    ["the assigned expert", () => expert, "token"],
    ["a panel member", () => panelExpert, "cookie"],
    ["an admin", () => admin, "token"],
  ] as const)("GET /api/v1/requests/{id} by %s is one statement for the caller and one for the request", async (_who, actorOf, credential) => {
    const { status, body, statements } = await get(`/api/v1/requests/${requestId}`, await headersFor(actorOf(), credential), { id: requestId });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: requestId,
      counterparties: [{ name: "上海某科技有限公司" }, { name: "嘉兴（某）贸易 有限公司" }],
      specialties: [{ code: "debt_collection" }],
    });
    expect((body.events as unknown[]).length).toBeGreaterThan(0);
    expect(statements, statements.join("\n\n")).toHaveLength(2);
  });

  it("of a request the caller may not see is a 404 after the same two statements", async () => {
    const { status, statements } = await get(`/api/v1/requests/${otherCompanysRequest}`, await headersFor(enterprise, "cookie"), {
      id: otherCompanysRequest,
    });
    expect(status).toBe(404);
    expect(statements).toHaveLength(2);
  });
});

describe("an API token", () => {
  const lastUsedAt = async (secret: string) =>
    (
      await db
        .select({ at: apiTokens.lastUsedAt })
        .from(apiTokens)
        .where(eq(apiTokens.tokenHash, hashToken(secret)))
    )[0]!.at;

  it("records its use, at most once a minute", async () => {
    const secret = await bearerFor(enterprise);
    expect(await lastUsedAt(secret)).toBeNull();
    expect((await get("/api/v1/me", { authorization: `Bearer ${secret}` })).status).toBe(200);
    const first = await lastUsedAt(secret);
    expect(first).toBeInstanceOf(Date);
    expect((await get("/api/v1/me", { authorization: `Bearer ${secret}` })).status).toBe(200);
    expect(await lastUsedAt(secret)).toEqual(first);
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`${apiTokens.lastUsedAt} - interval '61 seconds'` })
      .where(eq(apiTokens.tokenHash, hashToken(secret)));
    expect((await get("/api/v1/me", { authorization: `Bearer ${secret}` })).status).toBe(200);
    expect((await lastUsedAt(secret))!.getTime()).toBeGreaterThan(first!.getTime() - 61_000);
  });

  it("is refused once revoked or expired, and its use is not recorded", async () => {
    for (const change of [{ revokedAt: new Date() }, { expiresAt: new Date(Date.now() - 1000) }]) {
      const secret = await bearerFor(enterprise);
      await db
        .update(apiTokens)
        .set(change)
        .where(eq(apiTokens.tokenHash, hashToken(secret)));
      expect((await get("/api/v1/me", { authorization: `Bearer ${secret}` })).status).toBe(401);
      expect(await lastUsedAt(secret)).toBeNull();
    }
    expect((await get("/api/v1/me", { authorization: "Bearer clcr_not-a-token" })).status).toBe(401);
  });
});
