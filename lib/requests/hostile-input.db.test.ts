import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as fileRoute } from "@/app/api/v1/requests/route";
import { db, rowsOf } from "@/db";
import { sessionCookie as signedCookie } from "@/lib/auth/session-cookie";
import { startSession } from "@/lib/auth/sessions";
import type { Actor } from "@/lib/authz";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createEnterpriseActor } from "@/test/fixtures";

useTestDatabase();

// What a browser, a cross-site page or a careless client sends to POST and GET /api/v1/requests,
// end to end through the real route, the real session cookie and the real database.

const body = {
  title: "货款拖欠",
  category: "debt_collection",
  description: "对方拖欠货款。",
  counterparties: [{ name: "甲公司" }],
  amountAtStakeFen: 100_000,
  urgency: "normal",
  regionCode: "330421",
};
const countRequests = async () => rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from requests`))[0]!.n;
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

let enterprise: Actor;
let sessionCookie: string;
let token: string;
beforeAll(async () => {
  enterprise = await createEnterpriseActor();
  // A real signed-in session: a cookie is honoured only while its session row is live.
  const { name, value } = await signedCookie("next-auth.session-token", {
    userId: enterprise.userId,
    role: enterprise.role,
    sessionId: await startSession(enterprise.userId),
  });
  sessionCookie = `${name}=${encodeURIComponent(value)}`;
  token = await bearerFor(enterprise);
});

const file = (headers: Record<string, string>, payload: string = JSON.stringify(body)) =>
  fileRoute(new Request("http://roster.example/api/v1/requests", { method: "POST", headers: { host: "roster.example", ...headers }, body: payload }));

describe("cookie-authenticated writes only from our own pages", () => {
  it("refuses a cross-site form's post with the session cookie (403) and files nothing", async () => {
    const before = await countRequests();
    const crossSite = await file({ cookie: sessionCookie, "content-type": "application/json", origin: "http://evil.example" });
    expect(crossSite.status).toBe(403);
    // What a plain HTML form can send: text/plain JSON, no Origin check needed to refuse it.
    const textPlain = await file({ cookie: sessionCookie, "content-type": "text/plain", "sec-fetch-site": "cross-site" });
    expect(textPlain.status).toBe(403);
    const textPlainSameSite = await file({ cookie: sessionCookie, "content-type": "text/plain" });
    expect(textPlainSameSite.status).toBe(415);
    expect(await countRequests()).toBe(before);
  });

  it("files from our own page with the cookie, and with a bearer token whatever the Origin", async () => {
    const ours = await file({
      cookie: sessionCookie,
      "content-type": "application/json",
      origin: "http://roster.example",
      "sec-fetch-site": "same-origin",
    });
    expect(ours.status).toBe(201);
    const bearer = await file({ authorization: `Bearer ${token}`, "content-type": "application/json", origin: "http://evil.example" });
    expect(bearer.status).toBe(201);
  });
});

describe("bad input is a 422 naming the field, never a 500", () => {
  it("refuses NUL and lone surrogates in any text field, nested ones included, and stores nothing", async () => {
    const before = await countRequests();
    const cases: [unknown, string][] = [
      [{ ...body, title: "货款\u0000拖欠" }, "title"],
      [{ ...body, description: "\udc00对方拖欠货款。" }, "description"],
      [{ ...body, counterparties: [{ name: "甲公司\ud800" }] }, "counterparties.0.name"],
    ];
    for (const [payload, field] of cases) {
      const response = await file({ authorization: `Bearer ${token}`, "content-type": "application/json" }, JSON.stringify(payload));
      expect(response.status, field).toBe(422);
      expect(((await response.json()) as ErrorBody).error.fields, field).toHaveProperty([field]);
    }
    expect(await countRequests()).toBe(before);
  });

  it("refuses calendar-invalid dates and NUL in the list's query", async () => {
    for (const [query, field] of [
      ["from=2026-13-45", "from"],
      ["to=2026-02-30", "to"],
      ["from=0000-01-01", "from"],
      ["status=submitted%00", "status"],
    ]) {
      const response = await listRoute(
        new Request(`http://roster.example/api/v1/requests?${query}`, { headers: { authorization: `Bearer ${token}` } }),
      );
      expect(response.status, query).toBe(422);
      expect(((await response.json()) as ErrorBody).error.fields, query).toHaveProperty([field!]);
    }
    const valid = await listRoute(
      new Request("http://roster.example/api/v1/requests?from=2024-02-29&to=2026-12-31", { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(valid.status).toBe(200);
  });
});
