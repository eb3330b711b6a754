import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db, rowsOf } from "@/db";
import { events, passwordLinks, users } from "@/db/schema";
import { actorFromHeaders } from "@/lib/auth/actor";
import { verifyCredentials } from "@/lib/auth/credentials";
import { MAX_ATTEMPTS_PER_PAIR } from "@/lib/auth/login-throttle";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { startSession } from "@/lib/auth/sessions";
import type { Actor } from "@/lib/authz";
import { translator } from "@/lib/i18n/translate";
import { drainJobs } from "@/lib/jobs/queue";
import { importRoster } from "@/lib/roster/import/commit";
import { useTestDatabase } from "@/test/database";
import { mailedLinks } from "@/test/mail-outbox";
import { createAdminActor, createEnterpriseActor, createExpertActor, TEST_PASSWORD } from "@/test/fixtures";
import { linkToken } from "./link-token";
import { NO_PASSWORD_YET } from "./password-links";
import { MAX_RESETS_PER_HOUR, requestPasswordReset } from "./request-password-reset";
import { forgotPasswordSchema, setPasswordSchema } from "./schemas";
import { sendInvitation } from "./send-invitation";
import { checkPasswordLink, setPasswordWithLink } from "./set-password";

vi.mock("@/lib/notifications/send-email", async (original) => (await import("@/test/mail-outbox")).keepMailIn(original));

useTestDatabase();

const NEW_PASSWORD = "a-new-password-2026";
let admin: Actor;
let addressCount = 0;
const freshAddress = () => `10.40.0.${++addressCount}`;

const setPassword = (token: string, password = NEW_PASSWORD) => setPasswordWithLink(setPasswordSchema.parse({ token, password, confirm: password }));
/** The form's answer, then the queued job's work. */
async function forgot(email: string) {
  const answer = await requestPasswordReset(forgotPasswordSchema.parse({ email }));
  await drainJobs("account.reset-requested");
  return answer;
}
const linksOf = (userId: string) => db.select().from(passwordLinks).where(eq(passwordLinks.userId, userId));

/** An imported expert: on the roster, no password yet. */
async function invitedExpert() {
  const expert = await createExpertActor();
  await db.update(users).set({ passwordHash: NO_PASSWORD_YET }).where(eq(users.id, expert.userId));
  await sendInvitation(admin, expert.expertId!);
  const [mail] = await mailedLinks();
  return { expert, token: mail!.token };
}

beforeAll(async () => {
  admin = await createAdminActor();
});

beforeEach(async () => {
  await drainJobs("account.password-link");
});

describe("invitation links", () => {
  it("let an imported expert set a password that then signs in, once", async () => {
    const expert = await createExpertActor();
    await db.update(users).set({ passwordHash: NO_PASSWORD_YET }).where(eq(users.id, expert.userId));
    expect(await sendInvitation(admin, expert.expertId!)).toEqual({ email: expert.email });
    const mails = await mailedLinks();
    expect(mails.map((m) => [m.to, m.subject])).toEqual([[expert.email, "【专家库】请设置您的登录密码"]]);
    expect(mails[0]!.text).toContain("7 天内有效");
    expect(await checkPasswordLink(mails[0]!.token)).toMatchObject({ status: "valid", purpose: "invite", email: expert.email });
    expect(await verifyCredentials(expert.email, NEW_PASSWORD, freshAddress())).toBeNull();

    await setPassword(mails[0]!.token);
    expect(await verifyCredentials(expert.email, NEW_PASSWORD, freshAddress())).toEqual({ id: expert.userId, role: "expert" });
    await expect(setPassword(mails[0]!.token, "yet-another-password")).rejects.toMatchObject({
      code: "conflict",
      messageKey: "auth.setPassword.used",
    });
    expect(await checkPasswordLink(mails[0]!.token)).toEqual({ status: "used" });
    expect(await verifyCredentials(expert.email, NEW_PASSWORD, freshAddress())).not.toBeNull();
    // The link records who sent it, and the expert's audit trail shows it.
    const [link] = await linksOf(expert.userId);
    expect(link).toMatchObject({ purpose: "invite", createdByUserId: admin.userId, usedAt: expect.any(Date) as Date });
    expect(link!.expiresAt.getTime() - link!.createdAt.getTime()).toBe(7 * 86_400_000);
    const trail = await db.select({ type: events.type }).from(events).where(eq(events.entityId, expert.expertId!));
    expect(trail.map((e) => e.type)).toContain("expert.invited");
  });

  it("spends every other open link of the account when one is used", async () => {
    const { expert, token } = await invitedExpert();
    await sendInvitation(admin, expert.expertId!);
    const [second] = await mailedLinks();
    await setPassword(second!.token);
    expect(await checkPasswordLink(token)).toEqual({ status: "used" });
    expect((await linksOf(expert.userId)).every((l) => l.usedAt)).toBe(true);
  });

  it("refuses an expired link, and mails none", async () => {
    const expert = await createExpertActor();
    await sendInvitation(admin, expert.expertId!);
    await db
      .update(passwordLinks)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(passwordLinks.userId, expert.userId));
    expect(await mailedLinks()).toEqual([]);
    const [link] = await linksOf(expert.userId);
    const token = linkToken(link!);
    expect(await checkPasswordLink(token)).toEqual({ status: "expired" });
    await expect(setPassword(token)).rejects.toMatchObject({ code: "conflict", messageKey: "auth.setPassword.expired" });
    expect(await verifyCredentials(expert.email, TEST_PASSWORD, freshAddress())).not.toBeNull();
  });

  it("refuses a forged or altered token and changes nothing", async () => {
    const { expert, token } = await invitedExpert();
    const [id, mac] = token.split(".");
    const altered = [
      `${id}.${mac!.slice(0, -1)}${mac!.endsWith("A") ? "B" : "A"}`,
      `${id!.slice(0, -1)}${id!.endsWith("0") ? "1" : "0"}.${mac}`,
      `${crypto.randomUUID()}.${mac}`,
      id!,
      "not-a-token",
      "",
    ];
    for (const bad of altered) {
      expect(await checkPasswordLink(bad)).toEqual({ status: "invalid" });
      await expect(setPassword(bad)).rejects.toMatchObject({ code: "not_found", messageKey: "auth.setPassword.invalid" });
    }
    expect((await linksOf(expert.userId))[0]!.usedAt).toBeNull();
    expect(await checkPasswordLink(token)).toMatchObject({ status: "valid" });
  });

  it("sets the password once when one link is submitted twice at the same moment", async () => {
    const { expert, token } = await invitedExpert();
    const results = await Promise.allSettled([setPassword(token, "first-password-2026"), setPassword(token, "second-password-2026")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected");
    expect(failed?.reason).toMatchObject({ code: "conflict" });
    const winner = results[0]!.status === "fulfilled" ? "first-password-2026" : "second-password-2026";
    const loser = winner === "first-password-2026" ? "second-password-2026" : "first-password-2026";
    expect(await verifyCredentials(expert.email, winner, freshAddress())).not.toBeNull();
    expect(await verifyCredentials(expert.email, loser, freshAddress())).toBeNull();
  });

  it("are sent by admins only, to an enabled account of a known expert", async () => {
    const expert = await createExpertActor();
    await expect(sendInvitation(expert, expert.expertId!)).rejects.toMatchObject({ code: "forbidden" });
    await expect(sendInvitation(admin, crypto.randomUUID())).rejects.toMatchObject({ code: "not_found" });
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, expert.userId));
    await expect(sendInvitation(admin, expert.expertId!)).rejects.toMatchObject({ code: "conflict" });
    expect(await linksOf(expert.userId)).toEqual([]);
  });

  it("write the mail in the account's language", async () => {
    const expert = await createExpertActor();
    await db.update(users).set({ locale: "en" }).where(eq(users.id, expert.userId));
    await sendInvitation(admin, expert.expertId!);
    const [mail] = await mailedLinks();
    expect(mail!.subject).toBe("[Counsel Roster] Set your password");
    expect(mail!.text).toContain(`you sign in with ${expert.email}`);
    expect(mail!.text).toMatch(/^http:\/\/\S+\/set-password\?token=\S+$/m);
  });
});

describe("forgot password", () => {
  it("answers an unknown e-mail exactly like a known one, and creates nothing for it", async () => {
    const enterprise = await createEnterpriseActor();
    const before = await db.select({ id: passwordLinks.id }).from(passwordLinks);
    expect(await forgot("nobody-here@nowhere.example")).toBeUndefined();
    expect(await db.select({ id: passwordLinks.id }).from(passwordLinks)).toHaveLength(before.length);
    expect(await mailedLinks()).toEqual([]);
    expect(await forgot(` ${enterprise.email.toUpperCase()} `)).toBeUndefined();
    const mails = await mailedLinks();
    expect(mails.map((m) => [m.to, m.subject])).toEqual([[enterprise.email, "【专家库】设置新密码"]]);
    const [link] = await linksOf(enterprise.userId);
    expect(link).toMatchObject({ purpose: "reset", createdByUserId: null });
    expect(link!.expiresAt.getTime() - link!.createdAt.getTime()).toBe(3_600_000);
    await setPassword(mails[0]!.token);
    expect(await verifyCredentials(enterprise.email, NEW_PASSWORD, freshAddress())).not.toBeNull();
  });

  it("does the same work for any e-mail while answering: one queued job, the link only when it runs", async () => {
    const enterprise = await createEnterpriseActor();
    await requestPasswordReset(forgotPasswordSchema.parse({ email: enterprise.email }));
    expect(await linksOf(enterprise.userId)).toEqual([]);
    expect((await drainJobs("account.reset-requested")).ran).toBe(1);
    await requestPasswordReset(forgotPasswordSchema.parse({ email: "nobody-at-all@nowhere.example" }));
    expect((await drainJobs("account.reset-requested")).ran).toBe(1);
    expect(await linksOf(enterprise.userId)).toHaveLength(1);
  });

  it("mails a disabled account nothing", async () => {
    const enterprise = await createEnterpriseActor();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, enterprise.userId));
    await forgot(enterprise.email);
    expect(await linksOf(enterprise.userId)).toEqual([]);
  });

  it("sends at most three links an hour to one account, silently", async () => {
    const enterprise = await createEnterpriseActor();
    for (let i = 0; i <= MAX_RESETS_PER_HOUR; i++) expect(await forgot(enterprise.email)).toBeUndefined();
    expect(await linksOf(enterprise.userId)).toHaveLength(MAX_RESETS_PER_HOUR);
    expect(await mailedLinks()).toHaveLength(MAX_RESETS_PER_HOUR);
    // An hour on, the account may ask again.
    await db
      .update(passwordLinks)
      .set({ createdAt: sql`now() - interval '61 minutes'` })
      .where(eq(passwordLinks.userId, enterprise.userId));
    await forgot(enterprise.email);
    expect(await linksOf(enterprise.userId)).toHaveLength(MAX_RESETS_PER_HOUR + 1);
  });

  it("lets the account sign in at once, whatever failed before", async () => {
    const enterprise = await createEnterpriseActor();
    const address = freshAddress();
    for (let i = 0; i < MAX_ATTEMPTS_PER_PAIR; i++) await verifyCredentials(enterprise.email, "wrong", address);
    await expect(verifyCredentials(enterprise.email, TEST_PASSWORD, address)).rejects.toMatchObject({ code: "rate_limited" });
    await forgot(enterprise.email);
    const [mail] = await mailedLinks();
    await setPassword(mail!.token);
    expect(await verifyCredentials(enterprise.email, NEW_PASSWORD, address)).not.toBeNull();
  });

  it("ends the sessions signed in before the new password, and only those", async () => {
    const enterprise = await createEnterpriseActor();
    const cookieFor = async (userId: string) => {
      const { name, value } = await sessionCookie("next-auth.session-token", { userId, role: "enterprise", sessionId: await startSession(userId) });
      return new Headers({ cookie: `${name}=${value}` });
    };
    const before = await cookieFor(enterprise.userId);
    expect((await actorFromHeaders(before))?.userId).toBe(enterprise.userId);
    await forgot(enterprise.email);
    await setPassword((await mailedLinks())[0]!.token);
    expect(await actorFromHeaders(before)).toBeNull();
    expect((await actorFromHeaders(await cookieFor(enterprise.userId)))?.userId).toBe(enterprise.userId);
  });

  it("asks for the password twice and by the registration rules", () => {
    const token = "x";
    expect(setPasswordSchema.safeParse({ token, password: "short", confirm: "short" }).error?.issues[0]).toMatchObject({
      path: ["password"],
      message: "errors.field.password",
    });
    expect(setPasswordSchema.safeParse({ token, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` }).error?.issues[0]).toMatchObject({
      path: ["confirm"],
      message: "errors.field.passwordMismatch",
    });
  });
});

describe("the bulk import", () => {
  it("queues one invitation per account it creates, and each mail carries a working link", async () => {
    const stamp = String(Date.now()).slice(-6);
    const csv = [
      "姓名,执业证号,电子邮箱,执业机构,常驻地区,服务地区,专业领域",
      `邀请甲,1330421${stamp}0001,invite-a-${stamp}@test.example,嘉善某律所,嘉善县,嘉善县,债权清收`,
      `邀请乙,1330421${stamp}0002,invite-b-${stamp}@test.example,嘉善某律所,嘉善县,嘉善县,合同纠纷`,
      `坏证号,12345,invite-c-${stamp}@test.example,嘉善某律所,嘉善县,嘉善县,合同纠纷`,
    ].join("\n");
    const result = await importRoster(admin, "名册.csv", new TextEncoder().encode(csv), translator("zh-CN"));
    expect(result).toMatchObject({ imported: 2, rejected: 1 });
    const accounts = await db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, [`invite-a-${stamp}@test.example`, `invite-b-${stamp}@test.example`]));
    const links = await db
      .select()
      .from(passwordLinks)
      .where(
        inArray(
          passwordLinks.userId,
          accounts.map((a) => a.id),
        ),
      );
    expect(links.map((l) => [l.purpose, l.createdByUserId, l.usedAt])).toEqual([
      ["invite", admin.userId, null],
      ["invite", admin.userId, null],
    ]);
    expect(new Set(links.map((l) => l.userId)).size).toBe(2);
    const jobs = rowsOf<{ linkId: string }>(
      await db.execute(sql`select data->>'linkId' as "linkId" from pgboss.job where name = 'account.password-link' and state = 'created'`),
    );
    expect(jobs.map((j) => j.linkId).sort()).toEqual(links.map((l) => l.id).sort());

    const mails = await mailedLinks();
    expect(mails.map((m) => m.to).sort()).toEqual(accounts.map((a) => a.email).sort());
    for (const mail of mails) expect(await checkPasswordLink(mail.token)).toMatchObject({ status: "valid", purpose: "invite", email: mail.to });
    const [first] = mails;
    await setPassword(first!.token);
    expect(await verifyCredentials(first!.to, NEW_PASSWORD, freshAddress())).not.toBeNull();
    expect(
      await db
        .select({ id: passwordLinks.id })
        .from(passwordLinks)
        .where(
          and(
            inArray(
              passwordLinks.id,
              links.map((l) => l.id),
            ),
            sql`${passwordLinks.usedAt} is null`,
          ),
        ),
    ).toHaveLength(1);
  });
});
