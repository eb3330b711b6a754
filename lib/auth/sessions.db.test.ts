import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as changePassword } from "@/app/api/v1/me/password/route";
import { db } from "@/db";
import { authSessions, users } from "@/db/schema";
import { createEnterpriseActor, TEST_PASSWORD } from "@/test/fixtures";
import { useTestDatabase } from "@/test/database";
import { callNextAuth, setCookies } from "@/test/next-auth";
import { actorFromHeaders } from "./actor";
import { SESSION_ABSOLUTE_HOURS } from "./sessions";

useTestDatabase();

let addressCount = 0;
let address = "";
beforeEach(() => {
  address = `10.50.0.${++addressCount}`;
});

const auth = (method: "GET" | "POST", path: string, options: { cookie?: string; form?: Record<string, string> } = {}) =>
  callNextAuth(method, path, { ...options, address });

/** Signs in through next-auth's own endpoints; returns the session cookie ("name=value"). */
async function signIn(email: string, password = TEST_PASSWORD): Promise<string> {
  const csrf = await auth("GET", "csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = `next-auth.csrf-token=${setCookies(csrf).get("next-auth.csrf-token")}`;
  const response = await auth("POST", "callback/credentials", { cookie: csrfCookie, form: { csrfToken, email, password, json: "true" } });
  const token = setCookies(response).get("next-auth.session-token");
  if (!token) throw new Error(`not signed in: ${response.status}`);
  return `next-auth.session-token=${token}`;
}

/** What GET /api/auth/session answers to a cookie: the user, and the renewed cookie if any. */
async function refresh(cookie: string) {
  const response = await auth("GET", "session", { cookie });
  const body = (await response.json()) as { user?: { id: string } };
  const renewed = setCookies(response).get("next-auth.session-token");
  return { status: response.status, userId: body.user?.id, renewed: renewed ? `next-auth.session-token=${renewed}` : undefined };
}

const actorOf = async (cookie: string) => (await actorFromHeaders(new Headers({ cookie })))?.userId;

async function changeOwnPassword(cookie: string, body: unknown) {
  return changePassword(
    new Request("http://localhost:3000/api/v1/me/password", {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "x-forwarded-for": address },
      body: JSON.stringify(body),
    }),
  );
}

describe("sessions", () => {
  it("are renewed while they live", async () => {
    const user = await createEnterpriseActor();
    const cookie = await signIn(user.email);
    expect(await actorOf(cookie)).toBe(user.userId);
    const renewed = await refresh(cookie);
    expect(renewed).toMatchObject({ status: 200, userId: user.userId });
    expect(await actorOf(renewed.renewed!)).toBe(user.userId);
  });

  it("signed in before a password change end for good: the session endpoint does not renew them", async () => {
    const user = await createEnterpriseActor();
    const other = await signIn(user.email);
    const mine = await signIn(user.email);
    const response = await changeOwnPassword(mine, { currentPassword: TEST_PASSWORD, newPassword: "a fresh passphrase 2026" });
    expect(response.status).toBe(204);
    // The caller stays signed in with a re-issued cookie; every other session is over.
    const reissued = `next-auth.session-token=${setCookies(response).get("next-auth.session-token")}`;
    expect(await actorOf(reissued)).toBe(user.userId);
    expect((await refresh(reissued)).userId).toBe(user.userId);
    for (const old of [other, mine]) {
      expect(await actorOf(old)).toBeUndefined();
      const answer = await refresh(old);
      expect(answer.userId).toBeUndefined();
      if (answer.renewed) expect(await actorOf(answer.renewed)).toBeUndefined();
    }
  });

  it("end with sign-out on the server, so a copy of the cookie no longer works", async () => {
    const user = await createEnterpriseActor();
    const cookie = await signIn(user.email);
    const csrf = await auth("GET", "csrf", { cookie });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = `next-auth.csrf-token=${setCookies(csrf).get("next-auth.csrf-token")}`;
    await auth("POST", "signout", { cookie: `${cookie}; ${csrfCookie}`, form: { csrfToken, json: "true" } });
    expect(await actorOf(cookie)).toBeUndefined();
    expect((await refresh(cookie)).userId).toBeUndefined();
  });

  it(`end ${SESSION_ABSOLUTE_HOURS} hours after sign-in however active, and when the account is disabled`, async () => {
    const user = await createEnterpriseActor();
    const cookie = await signIn(user.email);
    const [row] = await db.select().from(authSessions).where(eq(authSessions.userId, user.userId));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(SESSION_ABSOLUTE_HOURS * 3_600_000);
    await db
      .update(authSessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(authSessions.id, row!.id));
    expect(await actorOf(cookie)).toBeUndefined();
    expect((await refresh(cookie)).userId).toBeUndefined();

    const second = await signIn(user.email);
    expect((await refresh(second)).userId).toBe(user.userId);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.userId));
    expect((await refresh(second)).userId).toBeUndefined();
  });

  it("refuse a password change without the right current password, or to a weak new one", async () => {
    const user = await createEnterpriseActor();
    const cookie = await signIn(user.email);
    const wrong = await changeOwnPassword(cookie, { currentPassword: "not my password", newPassword: "a fresh passphrase 2026" });
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { error: { fields: Record<string, string> } }).error.fields.currentPassword).toBe("当前密码不正确。");
    const common = await changeOwnPassword(cookie, { currentPassword: TEST_PASSWORD, newPassword: "1234567890" });
    expect(common.status).toBe(422);
    expect(((await common.json()) as { error: { fields: Record<string, string> } }).error.fields.newPassword).toContain("常见");
    const signedOut = await changeOwnPassword("", { currentPassword: TEST_PASSWORD, newPassword: "a fresh passphrase 2026" });
    expect(signedOut.status).toBe(401);
    expect(await actorOf(cookie)).toBe(user.userId);
  });
});
