import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { events, users } from "@/db/schema";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as listRequests, POST as fileRequestRoute } from "@/app/api/v1/requests/route";
import { GET as list, POST as issue } from "@/app/api/v1/tokens/route";
import { DELETE as revoke } from "@/app/api/v1/tokens/[id]/route";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createIntegrationActor, createStationActor } from "@/test/fixtures";
import { useTestDatabase } from "@/test/database";
import { fileAs, requestInput } from "@/test/request-fixtures";
import type { Actor } from "@/lib/authz";

useTestDatabase();

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

const call = (handler: Handler, init: { method: string; token?: string; body?: unknown; id?: string; query?: string }) =>
  handler(
    new Request(`http://localhost/api/v1/x${init.query ? `?${init.query}` : ""}`, {
      method: init.method,
      headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve<Record<string, string>>(init.id ? { id: init.id } : {}) },
  );

interface Issued {
  id: string;
  token: string;
  userId: string;
  scopes: string[];
}

/** Issues a token through the API as `issuer`; the answer's status and body. */
async function issueAs(issuer: Actor, body: Record<string, unknown>) {
  const response = await call(issue, { method: "POST", token: await bearerFor(issuer), body: { name: "partner", ...body } });
  return { status: response.status, body: (await response.json()) as Issued & { error?: { fields?: Record<string, string> } } };
}

const roleOf = async (token: string) => {
  const response = await call(me, { method: "GET", token });
  return response.status === 200 ? ((await response.json()) as { role: string; userId: string }) : response.status;
};

const listAs = async (actor: Actor) => {
  const response = await call(list, { method: "GET", token: await bearerFor(actor) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: { id: string; userId: string; issuerId: string; integration: boolean; issuerDisabled: boolean }[] })
    .items;
};

const jiashan = "330421";
const qingpu = "310118";

describe("API tokens", () => {
  it("issues a secret shown once that acts as the issuer, until revoked", async () => {
    const admin = await createAdminActor();
    const adminToken = await bearerFor(admin);
    const issued = await call(issue, { method: "POST", token: adminToken, body: { name: "reports", expiresInDays: 30 } });
    expect(issued.status).toBe(201);
    const { id, token, userId } = (await issued.json()) as Issued;
    expect(token).toMatch(/^clcr_/);
    expect(userId).toBe(admin.userId);
    expect(await roleOf(token)).toMatchObject({ role: "admin", userId: admin.userId });

    expect((await call(revoke, { method: "DELETE", token: adminToken, id })).status).toBe(200);
    expect(await roleOf(token)).toBe(401);
    // Revoking again: the token is gone.
    expect((await call(revoke, { method: "DELETE", token: adminToken, id })).status).toBe(404);
  });

  it("a blank expiry (as a form sends it) means no expiry", async () => {
    const admin = await createAdminActor();
    for (const expiresInDays of ["", "  ", null]) {
      const { status, body } = await issueAs(admin, { expiresInDays });
      expect(status).toBe(201);
      expect((body as Issued & { expiresAt: string | null }).expiresAt).toBeNull();
    }
    const { status, body } = await issueAs(admin, { expiresInDays: "0" });
    expect(status).toBe(422);
    expect(body.error?.fields?.expiresInDays).toBeDefined();
  });

  it("limits a scoped token to its permissions", async () => {
    const admin = await createAdminActor();
    const { body } = await issueAs(admin, { name: "reports only", scopes: ["report.read"] });
    expect(await roleOf(body.token)).toBe(403);
    expect((await call(issue, { method: "POST", token: body.token, body: { name: "escalate" } })).status).toBe(403);
  });

  it("passes a limited caller's limits on: a token issued with one is never wider", async () => {
    const admin = await createAdminActor();
    const limited = await bearerFor(admin, ["token.manage", "report.read"]);
    const asWide = await call(issue, { method: "POST", token: limited, body: { name: "everything" } });
    expect(asWide.status).toBe(201);
    expect(((await asWide.json()) as Issued).scopes.sort()).toEqual(["report.read", "token.manage"]);
    const wider = await call(issue, { method: "POST", token: limited, body: { name: "more", scopes: ["request.list"] } });
    expect(wider.status).toBe(422);
  });

  it("refuses unknown scopes with field messages", async () => {
    const { status, body } = await issueAs(await createAdminActor(), { scopes: ["everything"] });
    expect(status).toBe(422);
    expect(body.error?.fields).toHaveProperty(["scopes.0"]);
  });
});

describe("whom a token may act as", () => {
  it("never another person's account: an enterprise member, an expert, station staff -> 403", async () => {
    const admin = await createAdminActor();
    for (const person of [await createEnterpriseActor(), await createExpertActor(), await createStationActor()]) {
      expect((await issueAs(admin, { userEmail: person.email })).status).toBe(403);
      expect((await issueAs(admin, { userId: person.userId })).status).toBe(403);
    }
  });

  it("never another admin: the bug where a district admin minted a token acting as the unscoped admin", async () => {
    const unscoped = await createAdminActor();
    const district = await createAdminActor(jiashan);
    expect((await issueAs(district, { userEmail: unscoped.email })).status).toBe(403);
    expect((await issueAs(unscoped, { userId: district.userId })).status).toBe(403);
    expect((await issueAs(district, { userId: (await createAdminActor(jiashan)).userId })).status).toBe(403);
  });

  it("does not tell whether an account exists: an unknown one is 403 too", async () => {
    const admin = await createAdminActor();
    expect((await issueAs(admin, { userEmail: "nobody@x.example" })).status).toBe(403);
    expect((await issueAs(admin, { userId: "00000000-0000-4000-8000-000000000000" })).status).toBe(403);
    expect((await issueAs(admin, { userId: admin.userId, userEmail: admin.email })).status).toBe(422);
  });

  it("a filing platform of the issuer's district, not of another", async () => {
    const district = await createAdminActor(jiashan);
    const ours = await createIntegrationActor("station", "330421002");
    const theirs = await createIntegrationActor("station", "310118001");

    const { status, body } = await issueAs(district, { userEmail: ours.email, scopes: ["request.create", "request.read"] });
    expect(status).toBe(201);
    expect(body.userId).toBe(ours.userId);
    const asPlatform = await call(fileRequestRoute, {
      method: "POST",
      token: body.token,
      body: { ...requestInput(), amountAtStakeFen: 0, enterprise: { name: "李师傅", contactName: "李师傅", contactPhone: "13800000001" } },
    });
    expect(asPlatform.status).toBe(201);

    expect((await issueAs(district, { userId: theirs.userId })).status).toBe(403);
    expect((await issueAs(await createAdminActor(qingpu), { userId: theirs.userId })).status).toBe(201);
    expect((await issueAs(await createAdminActor(), { userId: theirs.userId })).status).toBe(201);
  });

  it("a reporting system whose region lies within the issuer's; an unscoped one only for an unscoped issuer", async () => {
    const unscoped = await createAdminActor();
    const district = await createAdminActor(jiashan);
    const districtReports = await createIntegrationActor("admin", jiashan);
    const zoneReports = await createIntegrationActor("admin", null);
    const cityReports = await createIntegrationActor("admin", "330400");

    expect((await issueAs(district, { userId: districtReports.userId, scopes: ["report.read"] })).status).toBe(201);
    expect((await issueAs(district, { userId: zoneReports.userId })).status).toBe(403);
    expect((await issueAs(district, { userId: cityReports.userId })).status).toBe(403);
    expect((await issueAs(unscoped, { userId: zoneReports.userId, scopes: ["report.read", "report.export"] })).status).toBe(201);
    expect((await issueAs(unscoped, { userId: cityReports.userId })).status).toBe(201);
  });

  it("not a disabled integration account", async () => {
    const admin = await createAdminActor();
    const platform = await createIntegrationActor("station");
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, platform.userId));
    expect((await issueAs(admin, { userId: platform.userId })).status).toBe(403);
  });

  it("a partner system's account does not issue or manage tokens", async () => {
    const reports = await createIntegrationActor("admin", null);
    expect((await issueAs(reports, {})).status).toBe(403);
    expect((await call(list, { method: "GET", token: await bearerFor(reports) })).status).toBe(403);
  });
});

describe("scopes never wider than the issuer's permissions and region", () => {
  it("refuses a scope the account may not have, 422 on scopes", async () => {
    const district = await createAdminActor(jiashan);
    const platform = await createIntegrationActor("station");
    const triage = await issueAs(district, { userId: platform.userId, scopes: ["request.create", "request.triage"] });
    expect(triage.status).toBe(422);
    expect(triage.body.error?.fields).toHaveProperty("scopes");
    // Never token management for a partner system.
    const reports = await createIntegrationActor("admin", jiashan);
    expect((await issueAs(district, { userId: reports.userId, scopes: ["token.manage"] })).status).toBe(422);
  });

  it("a zone-wide permission only between unscoped admins", async () => {
    const unscoped = await createAdminActor();
    const district = await createAdminActor(jiashan);
    expect((await issueAs(district, { scopes: ["routing.settings"] })).status).toBe(422);
    expect((await issueAs(unscoped, { userId: (await createIntegrationActor("admin", jiashan)).userId, scopes: ["routing.settings"] })).status).toBe(
      422,
    );
    expect((await issueAs(unscoped, { userId: (await createIntegrationActor("admin", null)).userId, scopes: ["routing.settings"] })).status).toBe(
      201,
    );
    expect((await issueAs(unscoped, { scopes: ["routing.settings"] })).status).toBe(201);
  });

  it("a district admin's token sees only its district's requests", async () => {
    const enterprise = await createEnterpriseActor();
    const inJiashan = await fileAs(enterprise, { regionCode: "330421002" });
    const inQingpu = await fileAs(enterprise, { regionCode: "310118001" });
    const district = await createAdminActor(jiashan);
    const { body } = await issueAs(district, { scopes: ["request.list"] });
    const response = await call(listRequests, { method: "GET", token: body.token, query: "pageSize=100" });
    expect(response.status).toBe(200);
    const ids = ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
    expect(ids).toContain(inJiashan);
    expect(ids).not.toContain(inQingpu);
  });
});

describe("seeing and revoking tokens", () => {
  it("a district admin sees and revokes the tokens it issued and those of its district's integration accounts; an unscoped admin all", async () => {
    const unscoped = await createAdminActor();
    const district = await createAdminActor(jiashan);
    const qingpuAdmin = await createAdminActor(qingpu);
    const ourPlatform = await createIntegrationActor("station", jiashan);
    const theirPlatform = await createIntegrationActor("station", qingpu);

    const own = (await issueAs(district, {})).body.id;
    const forOurs = (await issueAs(unscoped, { userId: ourPlatform.userId })).body.id;
    const forTheirs = (await issueAs(qingpuAdmin, { userId: theirPlatform.userId })).body.id;
    const unscopedOwn = (await issueAs(unscoped, {})).body.id;

    const seen = (await listAs(district)).map((t) => t.id);
    expect(seen).toEqual(expect.arrayContaining([own, forOurs]));
    expect(seen).not.toContain(forTheirs);
    expect(seen).not.toContain(unscopedOwn);
    expect((await listAs(unscoped)).map((t) => t.id)).toEqual(expect.arrayContaining([own, forOurs, forTheirs, unscopedOwn]));
    const row = (await listAs(district)).find((t) => t.id === forOurs);
    expect(row).toMatchObject({ userId: ourPlatform.userId, issuerId: unscoped.userId, integration: true });

    const districtToken = await bearerFor(district);
    expect((await call(revoke, { method: "DELETE", token: districtToken, id: forTheirs })).status).toBe(404);
    expect((await call(revoke, { method: "DELETE", token: districtToken, id: unscopedOwn })).status).toBe(404);
    expect((await call(revoke, { method: "DELETE", token: districtToken, id: forOurs })).status).toBe(200);
    expect((await call(revoke, { method: "DELETE", token: districtToken, id: own })).status).toBe(200);
  });
});

describe("disabled accounts", () => {
  it("a token stops when its account is disabled (401)", async () => {
    const admin = await createAdminActor();
    const platform = await createIntegrationActor("station");
    const { body } = await issueAs(admin, { userId: platform.userId });
    expect(await roleOf(body.token)).toMatchObject({ role: "station" });
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, platform.userId));
    expect(await roleOf(body.token)).toBe(401);
  });

  it("the issuer disabled: its own tokens stop; a partner's token it issued keeps working, and the list says so", async () => {
    const unscoped = await createAdminActor();
    const district = await createAdminActor(jiashan);
    const platform = await createIntegrationActor("station");
    const own = (await issueAs(district, {})).body;
    const partner = (await issueAs(district, { userId: platform.userId })).body;
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, district.userId));
    expect(await roleOf(own.token)).toBe(401);
    expect(await roleOf(partner.token)).toMatchObject({ role: "station", userId: platform.userId });
    expect((await listAs(unscoped)).find((t) => t.id === partner.id)).toMatchObject({ issuerDisabled: true });
  });
});

describe("events written through a token", () => {
  it("record the token and its issuer: a request filed by a filing platform", async () => {
    const district = await createAdminActor(jiashan);
    const platform = await createIntegrationActor("station");
    const { body: token } = await issueAs(district, { userId: platform.userId });

    const filed = await call(fileRequestRoute, {
      method: "POST",
      token: token.token,
      body: { ...requestInput(), amountAtStakeFen: 0, enterprise: { name: "王阿姨", contactName: "王阿姨", contactPhone: "13800000000" } },
    });
    expect(filed.status).toBe(201);
    const { id } = (await filed.json()) as { id: string };
    const [submitted] = await db
      .select({ actorUserId: events.actorUserId, actorRole: events.actorRole, tokenId: events.tokenId, issuerId: events.issuerId })
      .from(events)
      .where(and(eq(events.requestId, id), eq(events.entityType, "request")));
    expect(submitted).toEqual({ actorUserId: platform.userId, actorRole: "station", tokenId: token.id, issuerId: district.userId });
  });

  it("issuing and revoking are events too", async () => {
    const admin = await createAdminActor();
    const platform = await createIntegrationActor("station");
    const { body } = await issueAs(admin, { userId: platform.userId, scopes: ["request.read"] });
    await call(revoke, { method: "DELETE", token: await bearerFor(admin), id: body.id });
    const rows = await db
      .select({ type: events.type, actorUserId: events.actorUserId, data: events.data })
      .from(events)
      .where(eq(events.entityId, body.id));
    expect(rows.map((r) => r.type).sort()).toEqual(["token.issued", "token.revoked"]);
    expect(rows.find((r) => r.type === "token.issued")).toMatchObject({
      actorUserId: admin.userId,
      data: { userId: platform.userId, scopes: ["request.read"] },
    });
  });
});
