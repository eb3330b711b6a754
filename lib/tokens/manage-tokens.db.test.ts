import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as issue } from "@/app/api/v1/tokens/route";
import { DELETE as revoke } from "@/app/api/v1/tokens/[id]/route";
import { createAdminActor, createEnterpriseActor, bearerFor } from "@/test/fixtures";
import { useTestDatabase } from "@/test/database";

useTestDatabase();

const call = (
  handler: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>,
  init: { method: string; token?: string; body?: unknown; id?: string },
) =>
  handler(
    new Request("http://localhost/api/v1/x", {
      method: init.method,
      headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve<Record<string, string>>(init.id ? { id: init.id } : {}) },
  );

describe("API tokens", () => {
  it("issues a secret shown once that acts as the account, until revoked", async () => {
    const admin = await createAdminActor();
    const enterprise = await createEnterpriseActor();
    const adminToken = await bearerFor(admin);
    const issued = await call(issue, { method: "POST", token: adminToken, body: { name: "partner", userEmail: enterprise.email } });
    expect(issued.status).toBe(201);
    const { id, token } = (await issued.json()) as { id: string; token: string };
    expect(token).toMatch(/^clcr_/);

    const asEnterprise = await call(me, { method: "GET", token });
    expect(((await asEnterprise.json()) as { role: string }).role).toBe("enterprise");

    expect((await call(revoke, { method: "DELETE", token: adminToken, id })).status).toBe(200);
    expect((await call(me, { method: "GET", token })).status).toBe(401);
    // Revoking again: the token is gone.
    expect((await call(revoke, { method: "DELETE", token: adminToken, id })).status).toBe(404);
  });

  it("limits a scoped token to its permissions", async () => {
    const admin = await createAdminActor();
    const adminToken = await bearerFor(admin);
    const issued = await call(issue, { method: "POST", token: adminToken, body: { name: "reports only", scopes: ["report.read"] } });
    const { token } = (await issued.json()) as { token: string };
    expect((await call(me, { method: "GET", token })).status).toBe(403);
    expect((await call(issue, { method: "POST", token, body: { name: "escalate" } })).status).toBe(403);
  });

  it("refuses an unknown account and unknown scopes with field messages", async () => {
    const adminToken = await bearerFor(await createAdminActor());
    const unknown = await call(issue, { method: "POST", token: adminToken, body: { name: "x", userEmail: "nobody@x.example" } });
    expect(unknown.status).toBe(422);
    const badScope = await call(issue, { method: "POST", token: adminToken, body: { name: "x", scopes: ["everything"] } });
    expect(badScope.status).toBe(422);
  });
});
