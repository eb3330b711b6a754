import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getApplications } from "@/app/api/v1/expert-applications/route";
import { POST as postDecision } from "@/app/api/v1/expert-applications/[id]/decision/route";
import { POST as postSuspend } from "@/app/api/v1/experts/[id]/suspend/route";
import { db } from "@/db";
import { experts, notifications } from "@/db/schema";
import { sendInvitation } from "@/lib/accounts/send-invitation";
import type { Actor } from "@/lib/authz";
import { vettingChecks } from "@/lib/enums";
import { routeRequest } from "@/lib/routing/route-request";
import { updateRoutingSettings, defaultRoutingSettings } from "@/lib/routing/weights";
import { databaseFingerprint } from "@/test/access/database-fingerprint";
import { applicant } from "@/test/access/sample-inputs";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { createTriagedRequest } from "@/test/routing-fixtures";
import { applyToJoin } from "./apply-to-join";
import { checkApplication } from "./check-application";
import { getExpertHistory, listRoster } from "./queries/admin-roster";
import { getExpertProfileFor } from "./queries/experts";
import { reinstateExpert } from "./reinstate-expert";
import { renewExpert } from "./renew-expert";
import { retireExpert } from "./retire-expert";
import { rosterQuerySchema, updateProfileSchema } from "./schemas";
import { suspendExpert } from "./suspend-expert";
import { updateOwnProfile } from "./update-own-profile";

useTestDatabase();

// The zone's three districts share one roster: 嘉善县 330421, 青浦区 310118, 吴江区 320509.
let zoneAdmin: Actor;
let jiashanAdmin: Actor;
let qingpuAdmin: Actor;

beforeAll(async () => {
  zoneAdmin = await createAdminActor();
  jiashanAdmin = await createAdminActor("330421");
  qingpuAdmin = await createAdminActor("310118");
});

/** The error code a call fails with, or "ok". */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? "threw";
  }
}

/** What `call` answers, and whether it wrote anything. */
async function refusedWithoutTrace(call: () => Promise<unknown>): Promise<{ outcome: string; wrote: boolean }> {
  const before = JSON.stringify(await databaseFingerprint());
  const result = await outcome(call());
  return { outcome: result, wrote: JSON.stringify(await databaseFingerprint()) !== before };
}

async function statusOf(expertId: string) {
  const [row] = await db.select({ status: experts.status, termEnd: experts.termEnd }).from(experts).where(eq(experts.id, expertId));
  return row;
}

function postAs(handler: typeof postSuspend, token: string, id: string, body: unknown) {
  return handler(
    new Request(`http://localhost/api/v1/x/${id}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );
}

describe("roster decisions belong to the expert's district", () => {
  it("lets a 嘉善 admin suspend a 嘉善 expert, and refuses a 青浦 admin with 403, changing nothing", async () => {
    const expert = await createExpertActor({ homeRegionCode: "330421" });
    const refused = await postAs(postSuspend, await bearerFor(qingpuAdmin), expert.expertId!, { reason: "执业证年检未通过" });
    expect(refused.status).toBe(403);
    expect((await statusOf(expert.expertId!))?.status).toBe("active");

    const done = await postAs(postSuspend, await bearerFor(jiashanAdmin), expert.expertId!, { reason: "执业证年检未通过" });
    expect(done.status).toBe(200);
    expect((await statusOf(expert.expertId!))?.status).toBe("suspended");
  });

  it("counts a home region in one of the district's towns as the district's", async () => {
    const expert = await createExpertActor({ homeRegionCode: "330421102" });
    expect(await outcome(suspendExpert(qingpuAdmin, expert.expertId!, { reason: "暂停" }))).toBe("forbidden");
    expect(await outcome(suspendExpert(jiashanAdmin, expert.expertId!, { reason: "暂停" }))).toBe("ok");
  });

  it("refuses every decision on another district's expert without a trace, whatever the expert's status", async () => {
    const active = (await createExpertActor({ termStart: "2020-01-01" })).expertId!;
    const suspended = (await createExpertActor({ status: "suspended" })).expertId!;
    const retired = (await createExpertActor({ status: "retired" })).expertId!;
    const refusals = {
      renew: await refusedWithoutTrace(() => renewExpert(qingpuAdmin, active, { termYears: 3, reason: "续聘" })),
      suspend: await refusedWithoutTrace(() => suspendExpert(qingpuAdmin, active, { reason: "暂停" })),
      reinstate: await refusedWithoutTrace(() => reinstateExpert(qingpuAdmin, suspended, { reason: "恢复" })),
      retire: await refusedWithoutTrace(() => retireExpert(qingpuAdmin, active, { reason: "退出" })),
      invite: await refusedWithoutTrace(() => sendInvitation(qingpuAdmin, active)),
      // Another district's admin is refused before it learns the change would not apply anyway.
      retireRetired: await refusedWithoutTrace(() => retireExpert(qingpuAdmin, retired, { reason: "退出" })),
    };
    for (const [name, refusal] of Object.entries(refusals)) expect(refusal, name).toEqual({ outcome: "forbidden", wrote: false });
    // An expert that does not exist is still not found.
    expect(await outcome(suspendExpert(qingpuAdmin, "00000000-0000-4000-8000-000000000000", { reason: "暂停" }))).toBe("not_found");
  });

  it("lets the district's admins and the unscoped ones renew, reinstate, retire and invite", async () => {
    const a = (await createExpertActor({ termStart: "2020-01-01" })).expertId!;
    const b = (await createExpertActor({ status: "suspended" })).expertId!;
    expect(await outcome(renewExpert(jiashanAdmin, a, { termYears: 3, reason: "续聘" }))).toBe("ok");
    expect(await outcome(sendInvitation(jiashanAdmin, a))).toBe("ok");
    expect(await outcome(reinstateExpert(zoneAdmin, b, { reason: "恢复" }))).toBe("ok");
    expect(await outcome(retireExpert(jiashanAdmin, b, { reason: "退出" }))).toBe("ok");
    expect((await statusOf(b))?.status).toBe("retired");
  });

  it("shows every admin the whole roster, each expert with the home region that names its district", async () => {
    const qingpuExpert = (await createExpertActor({ homeRegionCode: "310118", name: "青浦专家" })).expertId!;
    const jiashanExpert = (await createExpertActor({ homeRegionCode: "330421", name: "嘉善专家" })).expertId!;
    const all = await listRoster(qingpuAdmin, rosterQuerySchema.parse({ pageSize: "100" }));
    expect(all.items.map((e) => e.id)).toEqual(expect.arrayContaining([qingpuExpert, jiashanExpert]));
    expect(all.items.find((e) => e.id === jiashanExpert)?.homeRegionCode).toBe("330421");
    const qingpuOnly = await listRoster(jiashanAdmin, rosterQuerySchema.parse({ pageSize: "100", district: "310118" }));
    expect(qingpuOnly.items.map((e) => e.id)).toContain(qingpuExpert);
    expect(qingpuOnly.items.map((e) => e.id)).not.toContain(jiashanExpert);
    // The expert's record and trail are readable too.
    expect(await outcome(getExpertProfileFor(qingpuAdmin, jiashanExpert))).toBe("ok");
    expect(await outcome(getExpertHistory(qingpuAdmin, jiashanExpert))).toBe("ok");
  });
});

describe("applications go to the district of the applicant's home region", () => {
  async function apply(homeRegionCode: string) {
    const input = {
      ...applicant(),
      homeRegionCode,
      regions: [homeRegionCode],
      bio: undefined,
      serviceModes: ["online" as const],
      languages: ["zh" as const],
    };
    return applyToJoin(input);
  }

  async function toldOf(applicationId: string): Promise<string[]> {
    const rows = await db
      .select({ userId: notifications.userId, data: notifications.data })
      .from(notifications)
      .where(eq(notifications.kind, "application.submitted"));
    return rows.filter((r) => (r.data as { applicationId?: string }).applicationId === applicationId).map((r) => r.userId);
  }

  it("tells the district's admins and the unscoped ones, not another district's", async () => {
    const { id } = await apply("330421102");
    const told = await toldOf(id);
    expect(told).toEqual(expect.arrayContaining([jiashanAdmin.userId, zoneAdmin.userId]));
    expect(told).not.toContain(qingpuAdmin.userId);
    expect((await toldOf((await apply("310118")).id)).sort()).toEqual(expect.arrayContaining([qingpuAdmin.userId, zoneAdmin.userId]));
  });

  it("lets only the district's admins check and decide; another district's gets 403 and changes nothing", async () => {
    const { id, expertId } = await apply("330421");
    expect(await refusedWithoutTrace(() => checkApplication(qingpuAdmin, id, { item: "licence_verified", checked: true, note: undefined }))).toEqual({
      outcome: "forbidden",
      wrote: false,
    });
    for (const item of vettingChecks) expect(await outcome(checkApplication(jiashanAdmin, id, { item, checked: true, note: undefined }))).toBe("ok");

    const qingpuToken = await bearerFor(qingpuAdmin);
    const before = JSON.stringify(await databaseFingerprint());
    const refused = await postAs(postDecision, qingpuToken, id, { approve: true, reason: "通过", termYears: 3 });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await databaseFingerprint())).toBe(before);

    const decided = await postAs(postDecision, await bearerFor(jiashanAdmin), id, { approve: true, reason: "通过", termYears: 3 });
    expect(decided.status).toBe(200);
    expect((await statusOf(expertId))?.status).toBe("active");
  });

  it("lists every district's applications to every admin, with the home region, and narrows them to one district", async () => {
    const jiashan = await apply("330421");
    const qingpu = await apply("310118");
    const list = async (query: string) => {
      const response = await getApplications(
        new Request(`http://localhost/api/v1/expert-applications?pageSize=100${query}`, {
          headers: { authorization: `Bearer ${await bearerFor(qingpuAdmin)}` },
        }),
      );
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: { id: string; homeRegionCode: string }[] }).items;
    };
    const all = await list("");
    expect(all.find((a) => a.id === jiashan.id)?.homeRegionCode).toBe("330421");
    expect(all.map((a) => a.id)).toContain(qingpu.id);
    const own = (await list("&district=310118")).map((a) => a.id);
    expect(own).toContain(qingpu.id);
    expect(own).not.toContain(jiashan.id);
  });

  it("sends an expert's change of name or licence to their district's admins", async () => {
    const expert = await createExpertActor({ homeRegionCode: "310118", regions: ["310118"] });
    const [row] = await db.select().from(experts).where(eq(experts.id, expert.expertId!));
    const input = updateProfileSchema.parse({
      name: `${row!.name}改`,
      licenseNumber: row!.licenseNumber,
      title: row!.title || "律师",
      organization: row!.organization || "上海青浦律师事务所",
      homeRegionCode: "310118",
      yearsOfPractice: "5",
      specialties: ["debt_collection"],
      regions: ["310118"],
      languages: ["zh"],
      serviceModes: ["online"],
      capacity: "5",
      notifyByEmail: "all",
    });
    expect(await updateOwnProfile(expert, input)).toEqual({ changeRequested: true });
    const rows = await db
      .select({ userId: notifications.userId, data: notifications.data })
      .from(notifications)
      .where(and(eq(notifications.kind, "application.submitted"), inArray(notifications.userId, [qingpuAdmin.userId, jiashanAdmin.userId])));
    const changes = rows.filter(
      (r) => (r.data as { kind?: string; name?: string }).kind === "change" && (r.data as { name?: string }).name === row!.name,
    );
    expect(changes.map((r) => r.userId)).toEqual([qingpuAdmin.userId]);
  });
});

describe("routing and the zone's settings", () => {
  it("lets an admin route its district's request to an expert of any district", async () => {
    const enterprise = await createEnterpriseActor(undefined, "310118");
    const requestId = await createTriagedRequest(enterprise, { regionCode: "310118" });
    const jiashanExpert = await createExpertActor({ homeRegionCode: "330421", regions: ["310118"] });
    const offer = await routeRequest(qingpuAdmin, requestId, { expertId: jiashanExpert.expertId! });
    expect(offer.expertId).toBe(jiashanExpert.expertId);
    // The 嘉善 admin does not see the 青浦 request at all.
    expect(await outcome(routeRequest(jiashanAdmin, requestId, {}))).toBe("not_found");
  });

  it("keeps the routing weights to the unscoped admins", async () => {
    expect(await refusedWithoutTrace(() => updateRoutingSettings(jiashanAdmin, defaultRoutingSettings))).toEqual({
      outcome: "forbidden",
      wrote: false,
    });
    expect(await outcome(updateRoutingSettings(zoneAdmin, defaultRoutingSettings))).toBe("ok");
  });
});
