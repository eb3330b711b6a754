import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { enterprises, events, passwordLinks, requests, users } from "@/db/schema";
import { DELETE as removeRoute } from "@/app/api/v1/enterprises/[id]/members/[userId]/route";
import { GET as listRoute, POST as inviteRoute } from "@/app/api/v1/enterprises/[id]/members/route";
import { GET as listRequestsRoute } from "@/app/api/v1/requests/route";
import { setPasswordWithLink } from "@/lib/accounts/set-password";
import { setPasswordSchema } from "@/lib/accounts/schemas";
import type { Actor } from "@/lib/authz";
import { useTestDatabase } from "@/test/database";
import { mailedLinks } from "@/test/mail-outbox";
import { bearerFor, createAdminActor, createEnterpriseActor, createStationActor } from "@/test/fixtures";
import { fileAs } from "@/test/request-fixtures";
import { listEnterprises } from "./queries";
import { removeMember } from "./remove-member";
import { enterpriseListQuery } from "./schemas";

vi.mock("@/lib/notifications/send-email", async (original) => (await import("@/test/mail-outbox")).keepMailIn(original));

useTestDatabase();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: Handler, token: string, params: Record<string, string>, body?: unknown, method = body === undefined ? "GET" : "POST") {
  const path = `/api/v1/enterprises/${params.id}/members${params.userId ? `/${params.userId}` : ""}`;
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return handler(new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), {
    params: Promise.resolve(params),
  });
}

interface Member {
  userId: string;
  email: string;
  name: string;
  status: "invited" | "active";
}
const membersOf = async (token: string, id: string) => ((await (await call(listRoute, token, { id })).json()) as { items: Member[] }).items;

let founder: Actor;
let founderToken: string;
let company: string;

beforeAll(async () => {
  founder = await createEnterpriseActor();
  founderToken = await bearerFor(founder);
  company = founder.enterpriseId!;
});

describe("a company's colleagues", () => {
  it("invites a colleague by e-mail: listed at once as invited, mailed a link by name, active once they set a password", async () => {
    const invited = await call(inviteRoute, founderToken, { id: company }, { email: " Li.Na@Example.com ", name: "李娜" });
    expect(invited.status).toBe(201);
    const body = (await invited.json()) as Member;
    expect(body).toMatchObject({ email: "li.na@example.com", name: "李娜", status: "invited" });
    expect((await membersOf(founderToken, company)).map((m) => [m.email, m.status])).toEqual([
      [founder.email, "active"],
      ["li.na@example.com", "invited"],
    ]);
    const [link] = await db.select().from(passwordLinks).where(eq(passwordLinks.userId, body.userId));
    expect(link).toMatchObject({ purpose: "invite", createdByUserId: founder.userId });
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.entityId, company), eq(events.type, "enterprise.member_invited")));
    expect(event).toMatchObject({ actorUserId: founder.userId, data: { userId: body.userId, email: "li.na@example.com" } });

    const mail = (await mailedLinks()).find((m) => m.to === "li.na@example.com");
    expect(mail?.text).toContain(founder.name);
    expect(mail?.subject).toContain("同事");
    const token = /\/set-password\?token=(\S+)/.exec(mail?.text ?? "")?.[1] ?? "";
    await setPasswordWithLink(setPasswordSchema.parse({ token, password: "a-colleague-password", confirm: "a-colleague-password" }));
    expect((await membersOf(founderToken, company)).find((m) => m.userId === body.userId)?.status).toBe("active");
  });

  it("refuses a taken e-mail with 409 on the field, and stores nothing", async () => {
    const before = (await db.select({ id: users.id }).from(users)).length;
    const response = await call(inviteRoute, founderToken, { id: company }, { email: founder.email.toUpperCase(), name: "重复" });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { fields: Record<string, string> } }).error.fields.email).toBeTruthy();
    expect((await db.select({ id: users.id }).from(users)).length).toBe(before);
  });

  it("answers everyone who is not a member 404, admins included, and 401 without a caller", async () => {
    const outsiders = [await createEnterpriseActor(), await createAdminActor(), await createStationActor()];
    const colleague = (await membersOf(founderToken, company)).find((m) => m.userId !== founder.userId)!;
    for (const outsider of outsiders) {
      const token = await bearerFor(outsider);
      expect((await call(listRoute, token, { id: company })).status, outsider.role).toBe(404);
      expect((await call(inviteRoute, token, { id: company }, { email: "x@example.com", name: "某" })).status, outsider.role).toBe(404);
      expect((await call(removeRoute, token, { id: company, userId: colleague.userId }, undefined, "DELETE")).status, outsider.role).toBe(404);
    }
    expect(
      (await listRoute(new Request(`http://localhost/api/v1/enterprises/${company}/members`), { params: Promise.resolve({ id: company }) })).status,
    ).toBe(401);
    expect((await membersOf(founderToken, company)).some((m) => m.userId === colleague.userId)).toBe(true);
  });

  it("lets every member see the company's requests, whoever filed them", async () => {
    const colleague = await createColleague(founder);
    const first = await fileAs(founder, { title: "创始人提交的诉求" });
    const second = await fileAs(colleague, { title: "同事提交的诉求" });
    for (const actor of [founder, colleague]) {
      const response = await listRequestsRoute(
        new Request("http://localhost/api/v1/requests?pageSize=100", { headers: { authorization: `Bearer ${await bearerFor(actor)}` } }),
        {
          params: Promise.resolve({}),
        },
      );
      const ids = ((await response.json()) as { items: { id: string }[] }).items.map((r) => r.id);
      expect(ids).toEqual(expect.arrayContaining([first, second]));
    }
    // The admins' list of companies counts them: its members, and all its requests.
    const [{ name } = { name: "" }] = await db.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, company));
    const { items } = await listEnterprises(await createAdminActor(), enterpriseListQuery.parse({ q: name }));
    const members = await db.$count(users, eq(users.enterpriseId, company));
    const filed = await db.$count(requests, eq(requests.enterpriseId, company));
    expect(filed).toBeGreaterThanOrEqual(2);
    expect(items).toEqual([expect.objectContaining({ id: company, members, requests: filed })]);
  });

  it("removes a colleague: the account leaves the company and its token stops at once", async () => {
    const colleague = await createColleague(founder);
    const colleagueToken = await bearerFor(colleague);
    expect((await call(listRoute, colleagueToken, { id: company })).status).toBe(200);
    const response = await call(removeRoute, founderToken, { id: company, userId: colleague.userId }, undefined, "DELETE");
    expect(response.status).toBe(204);
    expect((await call(listRoute, colleagueToken, { id: company })).status).toBe(401);
    const [row] = await db.select().from(users).where(eq(users.id, colleague.userId));
    expect(row?.enterpriseId).toBeNull();
    expect(row?.disabledAt).not.toBeNull();
    expect((await membersOf(founderToken, company)).some((m) => m.userId === colleague.userId)).toBe(false);
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.entityId, company), eq(events.type, "enterprise.member_removed")));
    expect(event?.data).toMatchObject({ userId: colleague.userId, self: false });
    // Removed again (or never a member): nothing to remove.
    expect((await call(removeRoute, founderToken, { id: company, userId: colleague.userId }, undefined, "DELETE")).status).toBe(404);
  });

  it("keeps the last member (409), lets a member leave, and of two members removing each other at once one stays", async () => {
    const alone = await createEnterpriseActor();
    const aloneToken = await bearerFor(alone);
    const last = await call(removeRoute, aloneToken, { id: alone.enterpriseId!, userId: alone.userId }, undefined, "DELETE");
    expect(last.status).toBe(409);

    const leaver = await createColleague(alone);
    expect((await call(removeRoute, await bearerFor(leaver), { id: alone.enterpriseId!, userId: leaver.userId }, undefined, "DELETE")).status).toBe(
      204,
    );

    const other = await createColleague(alone);
    const outcomes = await Promise.allSettled([
      removeMember(alone, alone.enterpriseId!, other.userId),
      removeMember(other, alone.enterpriseId!, alone.userId),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const remaining = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.enterpriseId, alone.enterpriseId!)));
    expect(remaining).toHaveLength(1);
  });
});

/** A second member of the actor's company, signed in with a password. */
async function createColleague(of: Actor): Promise<Actor> {
  const other = await createEnterpriseActor();
  await db.update(users).set({ enterpriseId: of.enterpriseId }).where(eq(users.id, other.userId));
  return { ...other, enterpriseId: of.enterpriseId };
}
