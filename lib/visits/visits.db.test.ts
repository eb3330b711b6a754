import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { companyVisitFindings, companyVisits, enterprises, events, notifications, requests, users } from "@/db/schema";
import { POST as planRoute } from "@/app/api/v1/enterprises/[id]/visits/route";
import { POST as requestRoute } from "@/app/api/v1/visit-findings/[id]/request/route";
import { GET as listRoute } from "@/app/api/v1/visits/route";
import { GET as visitRoute } from "@/app/api/v1/visits/[id]/route";
import { POST as cancelRoute } from "@/app/api/v1/visits/[id]/cancel/route";
import { POST as confirmRoute } from "@/app/api/v1/visits/[id]/confirm/route";
import { POST as declineRoute } from "@/app/api/v1/visits/[id]/decline/route";
import { POST as findingsRoute } from "@/app/api/v1/visits/[id]/findings/route";
import { planVisitAction } from "@/app/(portal)/visits/actions";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { normalizeCompanyName } from "@/lib/names";
import { callActionAs } from "@/test/action-caller";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { freshCreditCode } from "@/test/access/sample-inputs";
import { aFindingNeedingWork, aVisit } from "@/test/visit-fixtures";
import { recordFindings } from "./record-findings";

vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

useTestDatabase();
afterEach(() => setClock(null));

let admin: Actor; // unscoped
let jiashanAdmin: Actor;
let qingpuAdmin: Actor;
let enterprise: Actor;
let otherCompany: Actor;
let expert: Actor;
let otherExpert: Actor;

beforeAll(async () => {
  admin = await createAdminActor();
  jiashanAdmin = await createAdminActor("330421");
  qingpuAdmin = await createAdminActor("310118");
  enterprise = await createEnterpriseActor();
  otherCompany = await createEnterpriseActor();
  expert = await createExpertActor({ name: "周律师" });
  otherExpert = await createExpertActor();
});

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(route: Route, as: Actor, path: string, params: Record<string, string>, body?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${await bearerFor(as)}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const method = route === (visitRoute as Route) || route === (listRoute as Route) ? "GET" : "POST";
  const response = await route(
    new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
    {
      params: Promise.resolve(params),
    },
  );
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { error?: { code: string; fields?: Record<string, string> } },
  };
}

const plan = (as: Actor, enterpriseId: string, body: unknown) =>
  call(planRoute, as, `/api/v1/enterprises/${enterpriseId}/visits`, { id: enterpriseId }, body);
const onVisit = (route: Route, as: Actor, id: string, body?: unknown) => call(route, as, `/api/v1/visits/${id}/x`, { id }, body ?? {});
const parties = () => ({ enterprise, expert, admin });

const statusOf = async (id: string) =>
  (await db.select({ status: companyVisits.status }).from(companyVisits).where(eq(companyVisits.id, id)))[0]?.status;
const told = async (kind: string, visitId: string) =>
  (await db.select({ userId: notifications.userId, data: notifications.data }).from(notifications).where(eq(notifications.kind, kind))).filter(
    (n) => (n.data as { visitId?: string } | null)?.visitId === visitId,
  );
const eventOf = async (type: string, visitId: string) =>
  (
    await db
      .select()
      .from(events)
      .where(and(eq(events.type, type), eq(events.entityId, visitId)))
  )[0];

describe("planning a visit", () => {
  it("lets an expert plan for themself: proposed, on the company's district's trail, the company's members told", async () => {
    setClock(new Date("2026-03-02T10:00:00+08:00"));
    const answer = await plan(expert, enterprise.enterpriseId!, { visitOn: "2026-03-10", purpose: "法治体检" });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: "proposed" });
    const id = answer.body.id as string;
    const [row] = await db.select().from(companyVisits).where(eq(companyVisits.id, id));
    expect(row).toMatchObject({
      expertId: expert.expertId,
      enterpriseId: enterprise.enterpriseId,
      plannedBy: expert.userId,
      visitOn: "2026-03-10",
      status: "proposed",
    });
    expect(await eventOf("visit.planned", id)).toMatchObject({ regionCode: "330421", actorUserId: expert.userId, entityType: "company_visit" });
    expect((await told("visit.planned", id)).map((n) => n.userId)).toEqual([enterprise.userId]);
    expect(await told("visit.assigned", id)).toEqual([]);
  });

  it("lets an admin of the company's district plan for a currently appointed expert, who is told; another district's admin: 403", async () => {
    setClock(new Date("2026-03-02T10:00:00+08:00"));
    const body = { expertId: expert.expertId, visitOn: "2026-03-02", purpose: "合同审查" };
    const answer = await plan(jiashanAdmin, enterprise.enterpriseId!, body);
    expect(answer.status).toBe(201);
    expect((await told("visit.assigned", answer.body.id as string)).map((n) => n.userId)).toEqual([expert.userId]);
    expect((await plan(qingpuAdmin, enterprise.enterpriseId!, body)).status).toBe(403);
    expect((await plan(admin, enterprise.enterpriseId!, body)).status).toBe(201);
  });

  it("takes a company's district from its credit code when it has no region", async () => {
    setClock(new Date("2026-03-02T10:00:00+08:00"));
    const name = `青浦某科技有限公司${Date.now()}`;
    const [company] = await db
      .insert(enterprises)
      .values({ name, nameNormalized: normalizeCompanyName(name), creditCode: freshCreditCode("310118"), contactName: "陈经理" })
      .returning({ id: enterprises.id });
    await db
      .insert(users)
      .values({ email: `qp-${Date.now()}@test.example`, passwordHash: "x", role: "enterprise", name: "陈经理", enterpriseId: company!.id });
    const body = { expertId: expert.expertId, visitOn: "2026-03-09", purpose: "法治体检" };
    expect((await plan(jiashanAdmin, company!.id, body)).status).toBe(403);
    const answer = await plan(qingpuAdmin, company!.id, body);
    expect(answer.status).toBe(201);
    expect(await eventOf("visit.planned", answer.body.id as string)).toMatchObject({ regionCode: "310118" });
  });

  it("refuses what cannot be planned, field by field, and writes nothing", async () => {
    setClock(new Date("2026-03-02T10:00:00+08:00"));
    const before = await db.$count(companyVisits);
    const good = { expertId: expert.expertId, visitOn: "2026-03-09", purpose: "法治体检" };
    const invalid: [Actor, unknown, string][] = [
      [admin, { ...good, visitOn: "2026-03-01" }, "visitOn"], // yesterday in China
      [admin, { ...good, visitOn: "2026-02-30" }, "visitOn"],
      [admin, { ...good, purpose: "  " }, "purpose"],
      [admin, { ...good, expertId: undefined }, "expertId"],
      [admin, { ...good, expertId: "nope" }, "expertId"],
    ];
    for (const [as, body, field] of invalid) {
      const answer = await plan(as, enterprise.enterpriseId!, body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(answer.body.error?.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    // An expert with no current appointment.
    const lapsed = await createExpertActor({ termStart: "2020-01-01", termYears: 3 });
    const suspended = await createExpertActor({ status: "suspended" });
    for (const who of [lapsed, suspended]) {
      const answer = await plan(admin, enterprise.enterpriseId!, { ...good, expertId: who.expertId });
      expect(answer.status).toBe(422);
      expect(answer.body.error?.fields?.expertId).toBeDefined();
    }
    expect((await plan(suspended, enterprise.enterpriseId!, { visitOn: "2026-03-09", purpose: "法治体检" })).status).toBe(409);
    // An expert plans for themself only.
    expect((await plan(expert, enterprise.enterpriseId!, { ...good, expertId: otherExpert.expertId })).status).toBe(403);
    expect((await plan(enterprise, enterprise.enterpriseId!, good)).status).toBe(403);
    // No such company; a company with no account to answer.
    expect((await plan(admin, "00000000-0000-0000-0000-000000000000", good)).status).toBe(404);
    expect((await plan(admin, "junk", good)).status).toBe(404);
    const name = `无账号企业${Date.now()}`;
    const [walkIn] = await db
      .insert(enterprises)
      .values({ name, nameNormalized: normalizeCompanyName(name), regionCode: "330421002", contactName: "王" })
      .returning({ id: enterprises.id });
    expect((await plan(admin, walkIn!.id, good)).status).toBe(409);
    expect(await db.$count(companyVisits)).toBe(before);
  });

  it("shows the form's messages in the user's language, with the company to choose", async () => {
    setClock(new Date("2026-03-02T10:00:00+08:00"));
    const result = await callActionAs(jiashanAdmin, planVisitAction, { enterpriseId: "", expertId: "", visitOn: "2026-03-01", purpose: "" });
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fields: { enterpriseId: "请选择企业。", purpose: expect.any(String) } });
    const past = await callActionAs(jiashanAdmin, planVisitAction, {
      enterpriseId: enterprise.enterpriseId!,
      expertId: expert.expertId!,
      visitOn: "2026-03-01",
      purpose: "法治体检",
    });
    expect(past).toMatchObject({ ok: false, fields: { visitOn: "请选择今天或以后的日期。" } });
  });
});

describe("the company's answer", () => {
  it("confirms a proposed visit once; the expert and the planning admin are told", async () => {
    const id = await aVisit(parties());
    expect((await onVisit(confirmRoute, otherCompany, id)).status).toBe(404);
    expect((await onVisit(confirmRoute, expert, id)).status).toBe(403);
    const answer = await onVisit(confirmRoute, enterprise, id);
    expect(answer).toMatchObject({ status: 200, body: { id, status: "confirmed" } });
    expect((await told("visit.confirmed", id)).map((n) => n.userId).sort()).toEqual([admin.userId, expert.userId].sort());
    expect((await onVisit(confirmRoute, enterprise, id)).status).toBe(409);
    expect(await eventOf("visit.confirmed", id)).toMatchObject({ regionCode: "330421", actorRole: "enterprise" });
  });

  it("declines a proposed or confirmed visit with a reason the expert reads", async () => {
    const id = await aVisit(parties(), { confirmed: true });
    expect((await onVisit(declineRoute, enterprise, id, { reason: " " })).status).toBe(422);
    const answer = await onVisit(declineRoute, enterprise, id, { reason: "当天公司盘点，请改到下周" });
    expect(answer).toMatchObject({ status: 200, body: { status: "declined" } });
    const [row] = await db.select().from(companyVisits).where(eq(companyVisits.id, id));
    expect(row).toMatchObject({ status: "declined", reason: "当天公司盘点，请改到下周" });
    expect((await told("visit.declined", id)).find((n) => n.userId === expert.userId)?.data).toMatchObject({ reason: "当天公司盘点，请改到下周" });
    expect((await onVisit(confirmRoute, enterprise, id)).status).toBe(409);
    expect((await onVisit(declineRoute, enterprise, id, { reason: "再次婉拒" })).status).toBe(409);
  });

  it("cannot answer once the day has passed", async () => {
    setClock(new Date("2026-03-02T10:00:00+08:00"));
    const id = await aVisit(parties(), { inDays: 1 });
    setClock(new Date("2026-03-04T08:00:00+08:00"));
    const late = await onVisit(confirmRoute, enterprise, id);
    expect(late.status).toBe(409);
    expect(await statusOf(id)).toBe("proposed");
  });

  it("lets one of two simultaneous confirmations win", async () => {
    const id = await aVisit(parties());
    const answers = await Promise.all([onVisit(confirmRoute, enterprise, id), onVisit(confirmRoute, enterprise, id)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await db.$count(events, and(eq(events.type, "visit.confirmed"), eq(events.entityId, id)))).toBe(1);
  });
});

describe("cancelling a visit", () => {
  it("is for its expert and the admins of the company's district; the company is told", async () => {
    const id = await aVisit(parties(), { confirmed: true });
    expect((await onVisit(cancelRoute, otherExpert, id, { reason: "x" })).status).toBe(404);
    expect((await onVisit(cancelRoute, qingpuAdmin, id, { reason: "x" })).status).toBe(404);
    expect((await onVisit(cancelRoute, enterprise, id, { reason: "x" })).status).toBe(403);
    const answer = await onVisit(cancelRoute, expert, id, { reason: "专家临时出差" });
    expect(answer).toMatchObject({ status: 200, body: { status: "cancelled" } });
    const tellings = await told("visit.cancelled", id);
    expect(tellings.map((n) => n.userId)).toEqual([enterprise.userId]);
    expect(tellings[0]!.data).toMatchObject({ reason: "专家临时出差" });
    expect((await onVisit(cancelRoute, jiashanAdmin, id, { reason: "再取消" })).status).toBe(409);
  });
});

describe("recording the findings", () => {
  const findings = {
    summary: "合同管理总体规范，用工方面存在风险。",
    findings: [{ finding: "劳动合同缺少保密条款", recommendation: "补签保密协议", needsWork: true }, { finding: "合同台账完整" }],
  };

  it("waits for the company's confirmation and the day itself, then marks the visit done once", async () => {
    setClock(new Date("2026-03-02T10:00:00+08:00"));
    const proposed = await aVisit(parties(), { inDays: 0 });
    expect((await onVisit(findingsRoute, expert, proposed, findings)).status).toBe(409);
    const tomorrow = await aVisit(parties(), { inDays: 1, confirmed: true });
    const early = await onVisit(findingsRoute, expert, tomorrow, findings);
    expect(early.status).toBe(409);
    expect(await statusOf(tomorrow)).toBe("confirmed");
    setClock(new Date("2026-03-03T08:00:00+08:00"));
    expect((await onVisit(findingsRoute, otherExpert, tomorrow, findings)).status).toBe(404);
    const done = await onVisit(findingsRoute, expert, tomorrow, findings);
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ id: tomorrow, status: "done", findings: [{ needsWork: true }, { needsWork: false }] });
    expect(await statusOf(tomorrow)).toBe("done");
    expect((await onVisit(findingsRoute, expert, tomorrow, findings)).status).toBe(409);
    expect(await db.$count(companyVisitFindings, eq(companyVisitFindings.visitId, tomorrow))).toBe(2);
    expect(await eventOf("visit.done", tomorrow)).toMatchObject({ regionCode: "330421", data: { findings: 2, needsWork: 1 } });
  });

  it("tells the company, and the district's admins when a finding needs work; the company reads the findings", async () => {
    const id = await aVisit(parties(), { inDays: 0, confirmed: true });
    await recordFindings(expert, id, { summary: "很好", findings: [{ finding: "章程已过时", recommendation: "", needsWork: false }] });
    expect((await told("visit.done", id)).map((n) => n.userId)).toEqual([enterprise.userId]);
    expect(await told("visit.needs_work", id)).toEqual([]);

    const { visitId } = await aFindingNeedingWork(parties());
    const admins = (await told("visit.needs_work", visitId)).map((n) => n.userId);
    expect(admins).toEqual(expect.arrayContaining([admin.userId, jiashanAdmin.userId]));
    expect(admins).not.toContain(qingpuAdmin.userId);
    const seen = await call(visitRoute, enterprise, `/api/v1/visits/${visitId}`, { id: visitId });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      status: "done",
      summary: "合同管理基本规范，用工存在风险。",
      findings: [
        { finding: "劳动合同缺少竞业限制和保密条款", recommendation: "补签保密协议，重要岗位约定竞业限制", needsWork: true, requested: false },
        { finding: "合同台账完整", needsWork: false },
      ],
    });
    expect((await call(visitRoute, otherCompany, `/api/v1/visits/${visitId}`, { id: visitId })).status).toBe(404);
  });
});

describe("a finding that needs work becomes a request", () => {
  const fileFrom = (as: Actor, findingId: string, body: unknown = {}) =>
    call(requestRoute, as, `/api/v1/visit-findings/${findingId}/request`, { id: findingId }, body);

  it("filed by an admin of the district for the company, once: 法治体检, the finding as its title, the visiting expert preferred", async () => {
    const { visitId, findingId } = await aFindingNeedingWork(parties());
    expect((await fileFrom(expert, findingId)).status).toBe(403);
    expect((await fileFrom(qingpuAdmin, findingId)).status).toBe(404);
    const answer = await fileFrom(jiashanAdmin, findingId);
    expect(answer.status).toBe(201);
    expect(answer.body.caseNumber).toMatch(/^JS-/);
    const [request] = await db
      .select()
      .from(requests)
      .where(eq(requests.id, answer.body.requestId as string));
    expect(request).toMatchObject({
      category: "compliance_checkup",
      title: "劳动合同缺少竞业限制和保密条款",
      enterpriseId: enterprise.enterpriseId,
      filedByUserId: jiashanAdmin.userId,
      preferredExpertId: expert.expertId,
      channel: "hotline",
      regionCode: "330421002",
      status: "submitted",
    });
    expect(request!.description).toContain("补签保密协议");
    expect((await db.select().from(companyVisitFindings).where(eq(companyVisitFindings.id, findingId)))[0]?.requestId).toBe(request!.id);
    expect(await eventOf("visit.finding_request", visitId)).toMatchObject({ regionCode: "330421", data: { findingId, requestId: request!.id } });
    expect(await db.$count(events, and(eq(events.requestId, request!.id), eq(events.type, "request.submitted")))).toBe(1);
    // The company receives it as its own request.
    expect(
      await db.$count(notifications, and(eq(notifications.requestId, request!.id), eq(notifications.userId, enterprise.userId))),
    ).toBeGreaterThan(0);
    const again = await fileFrom(admin, findingId);
    expect(again.status).toBe(409);
    // The visit page names it.
    const seen = await call(visitRoute, enterprise, `/api/v1/visits/${visitId}`, { id: visitId });
    expect((seen.body.findings as { id: string }[]).find((f) => f.id === findingId)).toMatchObject({
      requested: true,
      caseNumber: answer.body.caseNumber,
    });
  });

  it("can be filed by the company itself, with its own title; only from a finding that needs work; one of two at once", async () => {
    const { findingId, otherFindingId } = await aFindingNeedingWork(parties());
    expect((await fileFrom(enterprise, otherFindingId)).status).toBe(409);
    expect((await fileFrom(otherCompany, findingId)).status).toBe(404);
    expect((await fileFrom(enterprise, findingId, { category: "nope" })).status).toBe(422);
    const answers = await Promise.all([fileFrom(enterprise, findingId, { title: "补签保密协议" }), fileFrom(admin, findingId)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const won = answers.find((a) => a.status === 201)!;
    const [request] = await db
      .select({ channel: requests.channel, title: requests.title, filedBy: requests.filedByUserId })
      .from(requests)
      .where(eq(requests.id, won.body.requestId as string));
    // The company through the API files on the api channel with its own title; the admin as the law society's intake.
    if (request!.filedBy === enterprise.userId) expect(request).toMatchObject({ channel: "api", title: "补签保密协议" });
    else expect(request).toMatchObject({ channel: "hotline", title: "劳动合同缺少竞业限制和保密条款" });
  });
});

describe("the list of visits", () => {
  async function list(as: Actor, query = "") {
    const answer = await call(listRoute, as, `/api/v1/visits?${query}`, {});
    return { status: answer.status, ids: ((answer.body.items ?? []) as { id: string }[]).map((i) => i.id), body: answer.body };
  }

  it("shows each their own: the company's, the expert's, the district's; the open ones first, soonest first", async () => {
    setClock(new Date("2026-05-04T10:00:00+08:00"));
    const company = await createEnterpriseActor();
    const own = { enterprise: company, expert: otherExpert, admin };
    const later = await aVisit(own, { inDays: 20 });
    const sooner = await aVisit(own, { inDays: 3, confirmed: true });
    const cancelled = await aVisit(own, { inDays: 1 });
    await onVisit(cancelRoute, admin, cancelled, { reason: "取消" });
    const elsewhere = await aVisit({ enterprise: otherCompany, expert, admin });

    const forCompany = await list(company);
    expect(forCompany.ids).toEqual([sooner, later, cancelled]);
    expect((await list(otherExpert)).ids).toEqual(expect.arrayContaining([sooner, later, cancelled]));
    expect((await list(otherExpert)).ids).not.toContain(elsewhere);
    expect((await list(expert)).ids).not.toContain(sooner);
    expect((await list(jiashanAdmin, "pageSize=100")).ids).toEqual(expect.arrayContaining([sooner, later, cancelled, elsewhere]));
    expect((await list(qingpuAdmin, "pageSize=100")).ids).not.toContain(sooner);
    expect((await list(company, "status=cancelled")).ids).toEqual([cancelled]);
    expect((await list(company, "status=maybe")).status).toBe(422);
    expect(forCompany.body).toMatchObject({ total: 3, page: 1 });
  });
});
