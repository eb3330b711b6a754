import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getApplications, POST as postApplication } from "@/app/api/v1/expert-applications/route";
import { POST as postCheck } from "@/app/api/v1/expert-applications/[id]/checks/route";
import { POST as postDecision } from "@/app/api/v1/expert-applications/[id]/decision/route";
import { GET as getExperts } from "@/app/api/v1/experts/route";
import { GET as getExpert } from "@/app/api/v1/experts/[id]/route";
import { POST as postReinstate } from "@/app/api/v1/experts/[id]/reinstate/route";
import { POST as postSuspend } from "@/app/api/v1/experts/[id]/suspend/route";
import { db } from "@/db";
import { appointments, events, expertApplications, experts, notifications, users } from "@/db/schema";
import { vettingChecks } from "@/lib/enums";
import type { Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor } from "@/test/fixtures";
import { getExpertHistory } from "./queries/admin-roster";
import { listOwnApplications } from "./queries/applications";
import { addConflict, removeConflict } from "./conflicts";
import { decideApplication } from "./decide-application";
import { renewExpert } from "./renew-expert";
import { retireExpert } from "./retire-expert";
import { addDays, termEndFor } from "./term";
import { updateProfileSchema } from "./schemas";
import { updateOwnProfile } from "./update-own-profile";
import { loadActor } from "@/lib/auth/actor";

useTestDatabase();

const base = "http://localhost/api/v1";
type Json = Record<string, unknown>;

async function call(
  handler: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>,
  path: string,
  options: { method?: string; body?: unknown; token?: string; params?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await handler(
    new Request(`${base}${path}`, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
    {
      params: Promise.resolve(options.params ?? {}),
    },
  );
  return { status: response.status, body: (await response.json()) as Json };
}

let n = 0;
const application = (overrides: Json = {}) => {
  n += 1;
  return {
    name: `钱测试${n}`,
    email: `apply-${n}-${Date.now()}@test.example`,
    password: "long-enough-password",
    phone: "13905730000",
    title: "律师",
    organization: "浙江嘉善明诚律师事务所",
    licenseNumber: `1330421${String(Date.now()).slice(-6)}${String(n).padStart(4, "0")}`,
    homeRegionCode: "330421",
    yearsOfPractice: 12,
    specialties: ["debt_collection", "contract"],
    regions: ["330421"],
    languages: ["zh", "wu"],
    serviceModes: ["onsite", "online"],
    bio: "长期为嘉善中小企业办理欠款催收和买卖合同纠纷。",
    references: "嘉善县司法局 张科长 0573-84000000",
    statement: "愿为示范区企业提供法律服务。",
    ...overrides,
  };
};

async function directory(query: string) {
  const { body } = await call(getExperts, `/experts?${query}`);
  return body as { items: { id: string; name: string }[]; total: number };
}

describe("application -> vetting -> appointment -> directory", () => {
  let admin: Actor;
  let adminToken: string;
  beforeAll(async () => {
    admin = await createAdminActor();
    adminToken = await bearerFor(admin);
  });

  it("takes an application from anyone, then vets, appoints and publishes the expert", async () => {
    const input = application();
    const applied = await call(postApplication, "/expert-applications", {
      method: "POST",
      body: { ...input, status: "active", termEnd: "2099-01-01" },
    });
    expect(applied.status).toBe(201);
    expect(applied.body).toEqual({ id: expect.any(String), status: "pending" });
    const id = applied.body.id as string;

    // Pending: not public, and the application cannot appoint itself.
    const [pending] = await db.select().from(experts).where(eq(experts.licenseNumber, input.licenseNumber));
    expect(pending?.status).toBe("pending");
    expect(pending?.termEnd).toBeNull();
    expect((await directory(`q=${encodeURIComponent(input.name)}`)).total).toBe(0);
    expect((await call(getExpert, `/experts/${pending!.id}`, { params: { id: pending!.id } })).status).toBe(404);
    const applicant = (await loadActor(pending!.userId))!;
    const applicantToken = await bearerFor(applicant);
    expect(
      (
        await call(postDecision, `/expert-applications/${id}/decision`, {
          method: "POST",
          token: applicantToken,
          params: { id },
          body: { approve: true, reason: "自己批准" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(postCheck, `/expert-applications/${id}/checks`, {
          method: "POST",
          token: applicantToken,
          params: { id },
          body: { item: "licence_verified" },
        })
      ).status,
    ).toBe(403);
    // The applicant sees their own private profile in any status.
    const own = await call(getExpert, `/experts/${pending!.id}`, { token: applicantToken, params: { id: pending!.id } });
    expect(own.status).toBe(200);
    expect(own.body.licenseNumber).toBe(input.licenseNumber);

    // The admin queue lists it; approval waits for the whole checklist.
    const queue = await call(getApplications, "/expert-applications?status=pending", { token: adminToken });
    expect((queue.body.items as Json[]).some((a) => a.id === id)).toBe(true);
    const early = await call(postDecision, `/expert-applications/${id}/decision`, {
      method: "POST",
      token: adminToken,
      params: { id },
      body: { approve: true, reason: "材料齐全" },
    });
    expect(early.status).toBe(409);
    for (const item of vettingChecks) {
      const ticked = await call(postCheck, `/expert-applications/${id}/checks`, {
        method: "POST",
        token: adminToken,
        params: { id },
        body: { item, note: "已核实" },
      });
      expect(ticked.status).toBe(200);
    }
    const progress = (await listOwnApplications(applicant))[0]!;
    expect(progress.done).toHaveLength(4);

    const decided = await call(postDecision, `/expert-applications/${id}/decision`, {
      method: "POST",
      token: adminToken,
      params: { id },
      body: { approve: true, reason: "审核通过，同意聘任。", termYears: 2 },
    });
    expect(decided.status).toBe(200);
    const today = todayInShanghai();
    expect(decided.body).toMatchObject({ id: pending!.id, status: "active", termStart: today, appointedUntil: termEndFor(today, 2) });

    // A second decision, either way, is a conflict and changes nothing.
    const again = await call(postDecision, `/expert-applications/${id}/decision`, {
      method: "POST",
      token: adminToken,
      params: { id },
      body: { approve: false, reason: "改变主意" },
    });
    expect(again.status).toBe(409);
    const [after] = await db.select({ status: experts.status }).from(experts).where(eq(experts.id, pending!.id));
    expect(after?.status).toBe("active");

    // Public now, found by a partial name, with the public fields only.
    const found = await directory(`q=${encodeURIComponent(input.name.slice(0, 2))}`);
    expect(found.items.map((e) => e.id)).toContain(pending!.id);
    const profile = await call(getExpert, `/experts/${pending!.id}`, { params: { id: pending!.id } });
    expect(profile.status).toBe(200);
    const text = JSON.stringify(profile.body);
    for (const secret of [input.licenseNumber, input.phone, input.email, "张科长"]) expect(text).not.toContain(secret);
    expect(profile.body).not.toHaveProperty("licenseNumber");

    // On the record: the appointment, the audit trail and the expert's inbox.
    expect(await db.select().from(appointments).where(eq(appointments.expertId, pending!.id))).toHaveLength(1);
    const trail = (await getExpertHistory(admin, pending!.id)).events.map((e) => e.type);
    expect(trail).toEqual(expect.arrayContaining(["expert.applied", "application.checked", "expert.appointed"]));
    const inbox = await db.select().from(notifications).where(eq(notifications.userId, pending!.userId));
    expect(inbox.map((x) => x.kind)).toContain("expert.appointed");
  });

  it("refuses a taken licence number or e-mail with a field message, and bad input with 422", async () => {
    const first = application();
    expect((await call(postApplication, "/expert-applications", { method: "POST", body: first })).status).toBe(201);
    const sameLicence = await call(postApplication, "/expert-applications", {
      method: "POST",
      body: application({ licenseNumber: first.licenseNumber }),
    });
    expect(sameLicence.status).toBe(409);
    expect((sameLicence.body.error as Json).fields).toHaveProperty("licenseNumber");
    const bad = await call(postApplication, "/expert-applications", {
      method: "POST",
      body: application({ licenseNumber: "1330421", specialties: [], regions: ["999999"] }),
    });
    expect(bad.status).toBe(422);
    expect(Object.keys((bad.body.error as Json).fields as Json)).toEqual(expect.arrayContaining(["licenseNumber", "specialties"]));
    const unknownRegion = await call(postApplication, "/expert-applications", { method: "POST", body: application({ regions: ["999999"] }) });
    expect(unknownRegion.status).toBe(422);
    expect((unknownRegion.body.error as Json).fields).toHaveProperty("regions");
  });

  it("records a rejection with its reason, and the applicant sees it", async () => {
    const applied = await call(postApplication, "/expert-applications", { method: "POST", body: application() });
    const id = applied.body.id as string;
    const rejected = await decideApplication(admin, id, { approve: false, reason: "执业年限不足。", termYears: 3 });
    expect(rejected.status).toBe("rejected");
    expect(rejected.appointedUntil).toBeNull();
    const [row] = await db
      .select({ userId: experts.userId })
      .from(experts)
      .innerJoin(expertApplications, eq(expertApplications.expertId, experts.id))
      .where(eq(expertApplications.id, id));
    const own = await listOwnApplications(await loadActor(row!.userId));
    expect(own[0]).toMatchObject({ status: "rejected", decisionReason: "执业年限不足。" });
  });
});

describe("expiry, suspension, reinstatement, renewal, retirement", () => {
  let admin: Actor;
  let adminToken: string;
  beforeAll(async () => {
    admin = await createAdminActor();
    adminToken = await bearerFor(admin);
  });

  async function appointed(name: string, termStart: string, termEnd: string) {
    const applied = await call(postApplication, "/expert-applications", { method: "POST", body: application({ name }) });
    const id = applied.body.id as string;
    for (const item of vettingChecks)
      await call(postCheck, `/expert-applications/${id}/checks`, { method: "POST", token: adminToken, params: { id }, body: { item } });
    const decided = await call(postDecision, `/expert-applications/${id}/decision`, {
      method: "POST",
      token: adminToken,
      params: { id },
      body: { approve: true, reason: "同意" },
    });
    const expertId = decided.body.id as string;
    await db.update(experts).set({ termStart, termEnd }).where(eq(experts.id, expertId));
    return expertId;
  }

  it("leaves the directory on the end date, with no step by anyone", async () => {
    const today = todayInShanghai();
    const endsToday = await appointed("任期今天结束", addDays(today, -365), today);
    const endsTomorrow = await appointed("任期明天结束", addDays(today, -364), addDays(today, 1));
    const ids = (await directory("q=任期&pageSize=100")).items.map((e) => e.id);
    expect(ids).toContain(endsTomorrow);
    expect(ids).not.toContain(endsToday);
    expect((await call(getExpert, `/experts/${endsToday}`, { params: { id: endsToday } })).status).toBe(404);
    // The admin still sees the record, as expired.
    const asAdmin = await call(getExpert, `/experts/${endsToday}`, { token: adminToken, params: { id: endsToday } });
    expect(asAdmin.body).toMatchObject({ status: "active", standing: "expired", appointedUntil: null });
  });

  it("takes a suspended expert out at once and back on reinstatement; a repeat is a conflict", async () => {
    const today = todayInShanghai();
    const id = await appointed("停聘测试", addDays(today, -10), addDays(today, 700));
    const suspended = await call(postSuspend, `/experts/${id}/suspend`, {
      method: "POST",
      token: adminToken,
      params: { id },
      body: { reason: "执业证年检未通过" },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: "suspended", appointedUntil: null });
    expect((await directory("q=停聘测试")).total).toBe(0);
    expect(
      (await call(postSuspend, `/experts/${id}/suspend`, { method: "POST", token: adminToken, params: { id }, body: { reason: "再次" } })).status,
    ).toBe(409);
    expect((await call(postSuspend, `/experts/${id}/suspend`, { method: "POST", token: adminToken, params: { id }, body: {} })).status).toBe(422);
    const reinstated = await call(postReinstate, `/experts/${id}/reinstate`, {
      method: "POST",
      token: adminToken,
      params: { id },
      body: { reason: "年检已通过" },
    });
    expect(reinstated.body).toMatchObject({ status: "active", appointedUntil: addDays(today, 700) });
    expect((await directory("q=停聘测试")).total).toBe(1);
    const trail = await db
      .select({ type: events.type, reason: events.reason })
      .from(events)
      .where(and(eq(events.entityType, "expert"), eq(events.entityId, id)));
    expect(trail).toEqual(
      expect.arrayContaining([
        { type: "expert.suspended", reason: "执业证年检未通过" },
        { type: "expert.reinstated", reason: "年检已通过" },
      ]),
    );
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(
      (await call(postSuspend, `/experts/${missing}/suspend`, { method: "POST", token: adminToken, params: { id: missing }, body: { reason: "x" } }))
        .status,
    ).toBe(404);
  });

  it("renews within the last year without a gap, refuses a second renewal, and restarts an expired term today", async () => {
    const today = todayInShanghai();
    const id = await appointed("续聘测试", addDays(today, -1000), addDays(today, 30));
    const renewed = await renewExpert(admin, id, { reason: "考核优秀", termYears: 3 });
    expect(renewed.appointedUntil).toBe(termEndFor(addDays(today, 30), 3));
    await expect(renewExpert(admin, id, { reason: "重复点击", termYears: 3 })).rejects.toMatchObject({ code: "conflict" });
    const expired = await appointed("过期续聘", addDays(today, -1100), addDays(today, -5));
    const restarted = await renewExpert(admin, expired, { reason: "重新聘任", termYears: 1 });
    expect(restarted).toMatchObject({ termStart: today, appointedUntil: termEndFor(today, 1) });
    const kinds = await db.select({ kind: appointments.kind }).from(appointments).where(eq(appointments.expertId, id));
    expect(kinds.map((k) => k.kind).sort()).toEqual(["appoint", "renew"]);
  });

  it("retires for good", async () => {
    const today = todayInShanghai();
    const id = await appointed("退出测试", addDays(today, -10), addDays(today, 500));
    expect((await retireExpert(admin, id, { reason: "本人申请退出" })).status).toBe("retired");
    expect((await directory("q=退出测试")).total).toBe(0);
    await expect(
      call(postReinstate, `/experts/${id}/reinstate`, { method: "POST", token: adminToken, params: { id }, body: { reason: "x" } }),
    ).resolves.toMatchObject({ status: 409 });
  });

  it("only admins decide: an enterprise gets 403 and an anonymous caller 401", async () => {
    const applied = await call(postApplication, "/expert-applications", { method: "POST", body: application() });
    const id = applied.body.id as string;
    const enterpriseToken = await bearerFor(await createEnterpriseActor());
    expect(
      (
        await call(postDecision, `/expert-applications/${id}/decision`, {
          method: "POST",
          token: enterpriseToken,
          params: { id },
          body: { approve: true, reason: "x" },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(postDecision, `/expert-applications/${id}/decision`, { method: "POST", params: { id }, body: { approve: true, reason: "x" } }))
        .status,
    ).toBe(401);
  });
});

describe("expert self-service", () => {
  let admin: Actor;
  let expert: Actor;
  beforeAll(async () => {
    admin = await createAdminActor();
    const applied = await call(postApplication, "/expert-applications", { method: "POST", body: application({ name: "自助测试" }) });
    const id = applied.body.id as string;
    const adminToken = await bearerFor(admin);
    for (const item of vettingChecks)
      await call(postCheck, `/expert-applications/${id}/checks`, { method: "POST", token: adminToken, params: { id }, body: { item } });
    const decided = await decideApplication(admin, id, { approve: true, reason: "同意", termYears: 3 });
    const [row] = await db.select({ userId: experts.userId }).from(experts).where(eq(experts.id, decided.id));
    expert = (await loadActor(row!.userId))!;
  });

  const profile = (overrides: Json = {}) =>
    updateProfileSchema.parse({
      name: "自助测试",
      licenseNumber: "13304210000000000",
      title: "律师、合伙人",
      organization: "浙江嘉善明诚律师事务所",
      phone: "13905731111",
      homeRegionCode: "330421",
      yearsOfPractice: 13,
      bio: "新的简介",
      specialties: ["lease"],
      regions: ["330421", "310118"],
      languages: ["zh"],
      serviceModes: ["online"],
      capacity: 2,
      pausedUntil: addDays(todayInShanghai(), 14),
      notifyByEmail: "important",
      ...overrides,
    });

  it("applies capacity, availability and the rest at once, but sends a new name to vetting", async () => {
    const [current] = await db.select({ licenseNumber: experts.licenseNumber }).from(experts).where(eq(experts.id, expert.expertId!));
    const plain = await updateOwnProfile(expert, profile({ licenseNumber: current!.licenseNumber }));
    expect(plain.changeRequested).toBe(false);
    const [saved] = await db.select().from(experts).where(eq(experts.id, expert.expertId!));
    expect(saved).toMatchObject({ capacity: 2, title: "律师、合伙人" });
    // The e-mail preference is the account's (users.email_notifications), which the profile edits too.
    const [account] = await db.select({ emailNotifications: users.emailNotifications }).from(users).where(eq(users.id, expert.userId));
    expect(account).toEqual({ emailNotifications: "important" });

    const renamed = await updateOwnProfile(expert, profile({ name: "自助改名", licenseNumber: current!.licenseNumber, changeNote: "户籍更名" }));
    expect(renamed.changeRequested).toBe(true);
    const [still] = await db.select({ name: experts.name }).from(experts).where(eq(experts.id, expert.expertId!));
    expect(still?.name).toBe("自助测试");
    // Saving the same change again is not a second request; a different one waits its turn.
    await updateOwnProfile(expert, profile({ name: "自助改名", licenseNumber: current!.licenseNumber }));
    await expect(updateOwnProfile(expert, profile({ name: "又一个名字", licenseNumber: current!.licenseNumber }))).rejects.toMatchObject({
      code: "conflict",
    });

    const [change] = await db
      .select({ id: expertApplications.id })
      .from(expertApplications)
      .where(and(eq(expertApplications.expertId, expert.expertId!), eq(expertApplications.status, "pending")));
    await expect(decideApplication(admin, change!.id, { approve: true, reason: "同意", termYears: 3 })).rejects.toMatchObject({ code: "conflict" });
    const adminToken = await bearerFor(admin);
    await call(postCheck, `/expert-applications/${change!.id}/checks`, {
      method: "POST",
      token: adminToken,
      params: { id: change!.id },
      body: { item: "licence_verified" },
    });
    await decideApplication(admin, change!.id, { approve: true, reason: "已核实身份证明", termYears: 3 });
    const [renamedRow] = await db.select({ name: experts.name, status: experts.status }).from(experts).where(eq(experts.id, expert.expertId!));
    expect(renamedRow).toEqual({ name: "自助改名", status: "active" });
    const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, expert.userId));
    expect(user?.name).toBe("自助改名");
  });

  it("refuses a pause that has already ended", async () => {
    const [current] = await db
      .select({ licenseNumber: experts.licenseNumber, name: experts.name })
      .from(experts)
      .where(eq(experts.id, expert.expertId!));
    await expect(updateOwnProfile(expert, profile({ ...current, pausedUntil: todayInShanghai() }))).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("keeps declared conflicts private and only the owner removes them", async () => {
    const { id } = await addConflict(expert, { companyName: "嘉兴（南湖）百货 有限公司", creditCode: undefined, note: "常年顾问" });
    const other = await createEnterpriseActor();
    await expect(removeConflict(other, id)).rejects.toMatchObject({ code: "forbidden" });
    const publicProfile = await call(getExpert, `/experts/${expert.expertId}`, { params: { id: expert.expertId! } });
    expect(JSON.stringify(publicProfile.body)).not.toContain("百货");
    const own = await call(getExpert, `/experts/${expert.expertId}`, { token: await bearerFor(expert), params: { id: expert.expertId! } });
    expect((own.body.conflicts as Json[])[0]).toMatchObject({ companyName: "嘉兴（南湖）百货 有限公司" });
    expect((await removeConflict(expert, id)).removed).toBe(true);
    await expect(removeConflict(expert, id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("while an application is being vetted", () => {
  it("the applicant cannot change what the checklist checks (409 naming the field), and may change the rest", async () => {
    const admin = await createAdminActor();
    const details = application();
    const applied = await call(postApplication, "/expert-applications", { method: "POST", body: details });
    const id = applied.body.id as string;
    const [row] = await db
      .select({ expertId: expertApplications.expertId, userId: experts.userId })
      .from(expertApplications)
      .innerJoin(experts, eq(experts.id, expertApplications.expertId))
      .where(eq(expertApplications.id, id));
    const applicant = (await loadActor(row!.userId))!;
    await call(postCheck, `/expert-applications/${id}/checks`, {
      method: "POST",
      token: await bearerFor(admin),
      params: { id },
      body: { item: "practice_years_confirmed" },
    });
    const save = (overrides: Json) =>
      updateOwnProfile(applicant, updateProfileSchema.parse({ ...details, capacity: 3, notifyByEmail: "all", pausedUntil: "", ...overrides }));
    await expect(save({ yearsOfPractice: 25 })).rejects.toMatchObject({
      code: "conflict",
      options: { fields: { yearsOfPractice: "roster.errors.vettingPending" } },
    });
    await expect(save({ organization: "另一家律师事务所" })).rejects.toMatchObject({
      options: { fields: { organization: "roster.errors.vettingPending" } },
    });
    await expect(save({ name: "改个名字" })).rejects.toMatchObject({ options: { fields: { name: "roster.errors.vettingPending" } } });
    const [vetted] = await db
      .select({ yearsOfPractice: experts.yearsOfPractice, organization: experts.organization, name: experts.name })
      .from(experts)
      .where(eq(experts.id, row!.expertId));
    expect(vetted).toEqual({ yearsOfPractice: details.yearsOfPractice, organization: details.organization, name: details.name });
    await expect(save({ bio: "补充了简介" })).resolves.toEqual({ changeRequested: false });

    for (const item of vettingChecks)
      await call(postCheck, `/expert-applications/${id}/checks`, { method: "POST", token: await bearerFor(admin), params: { id }, body: { item } });
    await decideApplication(admin, id, { approve: true, reason: "同意", termYears: 3 });
    await expect(save({ yearsOfPractice: 25 })).resolves.toEqual({ changeRequested: false });
  });
});
