import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { db } from "@/db";
import { apiTokens, authSessions, enterprises, events, passwordLinks, users } from "@/db/schema";
import { actorFromHeaders, loadActor } from "@/lib/auth/actor";
import { verifyCredentials } from "@/lib/auth/credentials";
import type { Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { drainJobs } from "@/lib/jobs/queue";
import { useTestDatabase } from "@/test/database";
import { mailedLinks } from "@/test/mail-outbox";
import {
  bearerFor,
  createAdminActor,
  createEnterpriseActor,
  createExpertActor,
  createStationActor,
  sessionCookieFor,
  TEST_PASSWORD,
} from "@/test/fixtures";
import { createUser } from "./create-user";
import { disableUser } from "./disable-user";
import { enableUser } from "./enable-user";
import { insertPasswordLinks } from "./password-links";
import { linkToken } from "./link-token";
import { listUsers } from "./list-users";
import { requestPasswordReset } from "./request-password-reset";
import { stationChoices } from "./station-choices";
import { forgotPasswordSchema, setPasswordSchema } from "./schemas";
import { checkPasswordLink, setPasswordWithLink } from "./set-password";
import { updateAccount } from "./update-account";
import { createUserSchema, updateAccountSchema, userListQuerySchema, type CreateUserInput } from "./user-schemas";

vi.mock("@/lib/notifications/send-email", async (original) => (await import("@/test/mail-outbox")).keepMailIn(original));

useTestDatabase();

// The world: 嘉善县 (330421) and its admin, a 青浦区 (310118) admin, one unscoped admin.
let zoneAdmin: Actor;
let jiashanAdmin: Actor;
let qingpuAdmin: Actor;
let jiashanStation: Actor;
let qingpuStation: Actor;
let addressCount = 0;
const freshAddress = () => `10.60.0.${++addressCount}`;
const newEmail = (what = "user") => `${what}-${randomBytes(4).toString("hex")}@test.example`;
const input = (raw: Record<string, unknown>): CreateUserInput => createUserSchema.parse({ email: newEmail(), name: "新账号", ...raw });
const staffOf = (station: Actor, extra: Record<string, unknown> = {}) => input({ role: "station", stationId: station.stationId, ...extra });

const accountOf = async (userId: string) => (await db.select().from(users).where(eq(users.id, userId)))[0]!;
const status = async (call: Promise<unknown>) =>
  call.then(
    () => 200,
    (error: AppError) => error.status,
  );
const meWith = (headers: Record<string, string>) => getMe(new Request("http://localhost/api/v1/me", { headers }));

beforeAll(async () => {
  zoneAdmin = await createAdminActor();
  jiashanAdmin = await createAdminActor("330421");
  qingpuAdmin = await createAdminActor("310118");
  jiashanStation = await createStationActor("330421002");
  qingpuStation = await createStationActor("310118102");
});

beforeEach(async () => {
  await drainJobs("account.password-link");
});

describe("creating accounts", () => {
  it("invites a new station colleague by e-mail; the link sets a password that signs in", async () => {
    const { userId } = await createUser(jiashanAdmin, staffOf(jiashanStation, { name: "罗星街道 李四" }));
    const account = await accountOf(userId);
    expect(account).toMatchObject({ role: "station", stationId: jiashanStation.stationId, regionScope: null, integration: false });
    const mails = await mailedLinks();
    expect(mails.map((m) => [m.to, m.subject])).toEqual([[account.email, "【专家库】请设置您的登录密码"]]);
    expect(await checkPasswordLink(mails[0]!.token)).toMatchObject({ status: "valid", purpose: "invite", userId });
    expect(await verifyCredentials(account.email, "a-new-password-2026", freshAddress())).toBeNull();
    await setPasswordWithLink(setPasswordSchema.parse({ token: mails[0]!.token, password: "a-new-password-2026", confirm: "a-new-password-2026" }));
    expect(await verifyCredentials(account.email, "a-new-password-2026", freshAddress())).toEqual({ id: userId, role: "station" });
    const [created] = await db
      .select()
      .from(events)
      .where(and(eq(events.entityId, userId), eq(events.type, "user.created")));
    expect(created).toMatchObject({
      actorUserId: jiashanAdmin.userId,
      data: expect.objectContaining({ role: "station", integration: false }) as object,
    });
  });

  it("lets only an unscoped admin create admins, for the whole zone or a district", async () => {
    expect(await status(createUser(jiashanAdmin, input({ role: "admin" })))).toBe(403);
    expect(await status(createUser(jiashanAdmin, input({ role: "admin", regionScope: "330421" })))).toBe(403);
    const { userId } = await createUser(zoneAdmin, input({ role: "admin", regionScope: "320509" }));
    expect(await accountOf(userId)).toMatchObject({ role: "admin", regionScope: "320509" });
    const zone = await createUser(zoneAdmin, input({ role: "admin" }));
    expect(await accountOf(zone.userId)).toMatchObject({ role: "admin", regionScope: null });
    await expect(createUser(zoneAdmin, input({ role: "admin", regionScope: "999999" }))).rejects.toMatchObject({
      code: "invalid_input",
      options: { fields: { regionScope: "errors.field.unknownRegion" } },
    });
  });

  it("refuses a district admin staff for another district's station (403), and an unknown station (422)", async () => {
    const before = await db.$count(users);
    expect(await status(createUser(qingpuAdmin, staffOf(jiashanStation)))).toBe(403);
    expect(await status(createUser(jiashanAdmin, staffOf(qingpuStation)))).toBe(403);
    expect(await status(createUser(jiashanAdmin, input({ role: "station", stationId: crypto.randomUUID() })))).toBe(422);
    expect(await db.$count(users)).toBe(before);
    expect(await mailedLinks()).toEqual([]);
    expect(await status(createUser(zoneAdmin, staffOf(qingpuStation)))).toBe(200);
    // The station picker offers the district's stations only.
    const offered = async (admin: Actor) => (await stationChoices(admin)).map((s) => s.id);
    expect(await offered(jiashanAdmin)).toContain(jiashanStation.stationId);
    expect(await offered(jiashanAdmin)).not.toContain(qingpuStation.stationId);
    expect(await offered(zoneAdmin)).toEqual(expect.arrayContaining([jiashanStation.stationId, qingpuStation.stationId]));
    expect((await stationChoices(zoneAdmin)).find((s) => s.id === qingpuStation.stationId)).toMatchObject({ regionCode: "310118102", closed: false });
  });

  it("answers 409 on the e-mail field when the e-mail has an account", async () => {
    await expect(createUser(jiashanAdmin, staffOf(jiashanStation, { email: jiashanStation.email.toUpperCase() }))).rejects.toMatchObject({
      code: "conflict",
      options: { fields: { email: "errors.field.emailTaken" } },
    });
  });

  it("makes integration accounts that get no invitation and can never sign in with a password", async () => {
    expect(await status(createUser(jiashanAdmin, input({ role: "admin", integration: true })))).toBe(403);
    const platform = await createUser(jiashanAdmin, staffOf(jiashanStation, { integration: true, name: "县政务服务平台" }));
    const reporting = await createUser(zoneAdmin, input({ role: "admin", integration: true, name: "报表系统" }));
    expect(await mailedLinks()).toEqual([]);
    for (const { userId } of [platform, reporting]) {
      const account = await accountOf(userId);
      expect(account).toMatchObject({ integration: true, emailNotifications: "none" });
      // No password works, a reset sends nothing, and even a link made by hand is refused.
      for (const password of ["", TEST_PASSWORD, account.passwordHash])
        expect(await verifyCredentials(account.email, password, freshAddress())).toBeNull();
      await requestPasswordReset(forgotPasswordSchema.parse({ email: account.email }));
      await drainJobs("account.reset-requested");
      expect(await db.$count(passwordLinks, eq(passwordLinks.userId, userId))).toBe(0);
      const [linkId] = await insertPasswordLinks(db, { userIds: [userId], purpose: "reset", createdByUserId: null });
      const token = linkToken({ id: linkId!, purpose: "reset", userId });
      expect(await checkPasswordLink(token)).toEqual({ status: "invalid" });
      await expect(
        setPasswordWithLink(setPasswordSchema.parse({ token, password: "a-new-password-2026", confirm: "a-new-password-2026" })),
      ).rejects.toMatchObject({ code: "not_found" });
    }
    // A token issued for it is the only way in.
    const token = await bearerFor({ userId: platform.userId } as Actor);
    expect((await meWith({ authorization: `Bearer ${token}` })).status).toBe(200);
  });
});

describe("listing accounts", () => {
  it("shows a district admin the accounts of its district only; an unscoped admin all of them", async () => {
    const expert = await createExpertActor({ homeRegionCode: "330421" });
    const outsideExpert = await createExpertActor({ homeRegionCode: "310118" });
    const member = await createEnterpriseActor(undefined, "330421002");
    const townAdmin = await createAdminActor("330421002");
    const list = async (admin: Actor, raw: Record<string, string> = {}) =>
      (await listUsers(admin, userListQuerySchema.parse({ pageSize: "100", ...raw }))).items.map((u) => u.userId);
    const jiashan = await list(jiashanAdmin);
    expect(jiashan).toEqual(expect.arrayContaining([jiashanAdmin.userId, townAdmin.userId, jiashanStation.userId, expert.userId, member.userId]));
    for (const outside of [zoneAdmin, qingpuAdmin, qingpuStation, outsideExpert]) expect(jiashan).not.toContain(outside.userId);
    expect(await list(qingpuAdmin)).toEqual(expect.arrayContaining([qingpuAdmin.userId, qingpuStation.userId, outsideExpert.userId]));
    expect(await list(zoneAdmin)).toEqual(expect.arrayContaining([zoneAdmin.userId, ...jiashan]));
    // A company that gave no region is the whole zone's: unscoped admins only.
    await db.update(enterprises).set({ regionCode: null }).where(eq(enterprises.id, member.enterpriseId!));
    expect(await list(jiashanAdmin)).not.toContain(member.userId);

    const staff = (await listUsers(jiashanAdmin, userListQuerySchema.parse({ pageSize: "100", role: "station" }))).items;
    expect(staff.map((u) => u.userId)).toContain(jiashanStation.userId);
    expect(staff.map((u) => u.userId)).not.toContain(qingpuStation.userId);
    expect(new Set(staff.map((u) => u.role))).toEqual(new Set(["station"]));
    expect(await list(zoneAdmin, { q: jiashanStation.email.split("@")[0]!.toUpperCase() })).toEqual([jiashanStation.userId]);
    const page = await listUsers(zoneAdmin, userListQuerySchema.parse({ pageSize: "2", page: "2" }));
    expect(page).toMatchObject({ page: 2, pageSize: 2, items: [expect.anything(), expect.anything()] });
    expect(page.total).toBe(await db.$count(users));
    const [jiashanStaff] = (await listUsers(zoneAdmin, userListQuerySchema.parse({ q: jiashanStation.email }))).items;
    expect(jiashanStaff).toEqual({
      userId: jiashanStation.userId,
      email: jiashanStation.email,
      name: jiashanStation.name,
      role: "station",
      regionScope: null,
      stationId: jiashanStation.stationId,
      enterpriseId: null,
      expertId: null,
      integration: false,
      disabled: false,
    });
  });
});

describe("disabling and enabling accounts", () => {
  it("ends the account's sessions and tokens at once (401), and an enable brings neither back", async () => {
    const staff = await createStationActor("330421002");
    const cookie = await sessionCookieFor(staff);
    const token = await bearerFor(staff);
    expect((await meWith({ cookie })).status).toBe(200);
    expect((await meWith({ authorization: `Bearer ${token}` })).status).toBe(200);

    expect(await disableUser(jiashanAdmin, staff.userId, { reason: "已离职" })).toEqual({ userId: staff.userId, disabled: true });
    expect((await meWith({ cookie })).status).toBe(401);
    expect((await meWith({ authorization: `Bearer ${token}` })).status).toBe(401);
    expect(await verifyCredentials(staff.email, TEST_PASSWORD, freshAddress())).toBeNull();
    expect(await db.$count(authSessions, and(eq(authSessions.userId, staff.userId), isNull(authSessions.endedAt)))).toBe(0);
    expect(await db.$count(apiTokens, and(eq(apiTokens.userId, staff.userId), isNull(apiTokens.revokedAt)))).toBe(0);

    expect(await enableUser(jiashanAdmin, staff.userId, { reason: "返聘" })).toEqual({ userId: staff.userId, disabled: false });
    expect((await meWith({ cookie })).status).toBe(401);
    expect((await meWith({ authorization: `Bearer ${token}` })).status).toBe(401);
    expect(await verifyCredentials(staff.email, TEST_PASSWORD, freshAddress())).toEqual({ id: staff.userId, role: "station" });
    expect(await actorFromHeaders(new Headers({ cookie: await sessionCookieFor(staff) }))).toMatchObject({ userId: staff.userId });

    const trail = await db.select().from(events).where(eq(events.entityId, staff.userId)).orderBy(events.id);
    expect(trail.map((e) => [e.type, e.reason, e.actorUserId])).toEqual([
      ["user.disabled", "已离职", jiashanAdmin.userId],
      ["user.enabled", "返聘", jiashanAdmin.userId],
    ]);
  });

  it("answers 404 for an account outside the admin's district, 409 for one's own and for no change", async () => {
    const staff = await createStationActor("330421002");
    expect(await status(disableUser(qingpuAdmin, staff.userId, {}))).toBe(404);
    expect(await status(disableUser(jiashanAdmin, zoneAdmin.userId, {}))).toBe(404);
    expect(await status(disableUser(jiashanAdmin, crypto.randomUUID(), {}))).toBe(404);
    expect(await status(disableUser(jiashanAdmin, "not-an-id", {}))).toBe(404);
    expect(await status(disableUser(jiashanAdmin, jiashanAdmin.userId, {}))).toBe(409);
    expect(await status(enableUser(jiashanAdmin, staff.userId, {}))).toBe(409);
    await disableUser(zoneAdmin, staff.userId, {});
    expect(await status(disableUser(jiashanAdmin, staff.userId, {}))).toBe(409);
    expect(await status(enableUser(qingpuAdmin, staff.userId, {}))).toBe(404);
    expect((await accountOf(staff.userId)).disabledAt).not.toBeNull();
  });

  it("keeps the last unscoped admin: 409, and of two disabling each other at once exactly one succeeds", async () => {
    const zoneAdmins = () =>
      db.$count(users, and(eq(users.role, "admin"), isNull(users.regionScope), eq(users.integration, false), isNull(users.disabledAt)));
    // Only these two remain enabled (an integration account administers nothing, and does not count).
    const [a, b] = [await createAdminActor(), await createAdminActor()];
    const reporting = await loadActor((await createUser(zoneAdmin, input({ role: "admin", integration: true }))).userId);
    await disableUser(a, zoneAdmin.userId, {});
    for (const other of await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.regionScope), eq(users.integration, false), isNull(users.disabledAt)))) {
      if (other.id !== a.userId && other.id !== b.userId) await disableUser(a, other.id, {});
    }
    expect(await zoneAdmins()).toBe(2);

    // Each other, and both by a third (the reporting system's token: it takes no lock on either as the actor of the event).
    for (const [first, second] of [
      [a, b],
      [reporting, reporting],
    ] as const) {
      const tally = { oneWinner: 0, rounds: 10, unexpected: [] as unknown[] };
      for (let round = 0; round < tally.rounds; round++) {
        const outcomes = await Promise.allSettled([disableUser(first, b.userId, {}), disableUser(second, a.userId, {})]);
        const lost = outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason as unknown);
        tally.unexpected.push(...lost.filter((e) => !(e instanceof AppError && e.messageKey === "accounts.errors.lastAdmin")));
        if (lost.length === 1 && (await zoneAdmins()) === 1) tally.oneWinner += 1;
        await db
          .update(users)
          .set({ disabledAt: null })
          .where(inArray(users.id, [a.userId, b.userId]));
      }
      expect(tally).toEqual({ oneWinner: 10, rounds: 10, unexpected: [] });
    }

    await disableUser(a, b.userId, {});
    // a is the last one now: nobody may disable it (a district admin does not even see it).
    expect(await status(disableUser(jiashanAdmin, a.userId, {}))).toBe(404);
    await expect(disableUser(reporting, a.userId, {})).rejects.toMatchObject({ code: "conflict", messageKey: "accounts.errors.lastAdmin" });
    await enableUser(a, zoneAdmin.userId, {});
    await disableUser(zoneAdmin, a.userId, {});
    expect(await zoneAdmins()).toBe(1);
  });
});

describe("one's own account settings", () => {
  it("changes the name, phone, e-mail preference and language, and notes the fields changed", async () => {
    const member = await createEnterpriseActor();
    const update = (raw: Record<string, unknown>) => updateAccount(member, updateAccountSchema.parse(raw));
    expect(await update({ name: "王经理", phone: "0573-84012345", emailNotifications: "important", locale: "en" })).toEqual({
      changed: ["name", "phone", "emailNotifications", "locale"],
    });
    expect(await accountOf(member.userId)).toMatchObject({ name: "王经理", phone: "0573-84012345", emailNotifications: "important", locale: "en" });
    expect(await update({ phone: "", emailNotifications: "important", locale: "en" })).toEqual({ changed: ["phone"] });
    expect(await update({ emailNotifications: "important", locale: "en" })).toEqual({ changed: [] });
    expect(await accountOf(member.userId)).toMatchObject({ name: "王经理", phone: null });
    const trail = await db
      .select()
      .from(events)
      .where(and(eq(events.entityId, member.userId), eq(events.type, "account.updated")));
    expect(trail.map((e) => e.data)).toEqual([{ changed: ["name", "phone", "emailNotifications", "locale"] }, { changed: ["phone"] }]);
    expect(() => updateAccountSchema.parse({ name: " ", emailNotifications: "all", locale: "zh-CN" })).toThrow();
    expect(() => updateAccountSchema.parse({ emailNotifications: "sometimes", locale: "zh-CN" })).toThrow();
  });

  it("leaves an expert's vetted name and profile phone to the profile", async () => {
    const expert = await createExpertActor();
    await expect(
      updateAccount(expert, updateAccountSchema.parse({ name: "改名", emailNotifications: "all", locale: "zh-CN" })),
    ).rejects.toMatchObject({
      code: "invalid_input",
      options: { fields: { name: "accounts.settings.onProfile" } },
    });
    await updateAccount(expert, updateAccountSchema.parse({ emailNotifications: "none", locale: "zh-CN" }));
    expect(await accountOf(expert.userId)).toMatchObject({ name: expert.name, emailNotifications: "none" });
  });
});
