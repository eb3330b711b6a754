import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { enterprises, events, requests, typicalCases, users } from "@/db/schema";
import { GET, POST } from "@/app/api/v1/typical-cases/route";
import { POST as PUBLISH } from "@/app/api/v1/typical-cases/[id]/publish/route";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { createDispute } from "@/lib/disputes/create-dispute";
import { recordRecovery } from "@/lib/disputes/record-recovery";
import { reverseRecovery } from "@/lib/disputes/reverse-recovery";
import { updateDispute } from "@/lib/disputes/update-dispute";
import { seedDemoWorld } from "@/db/seed/demo-world";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { fileAs, moveTo } from "@/test/request-fixtures";
import { anonymise, type CaseFacts } from "./anonymise";
import { draftTypicalCase } from "./draft-typical-case";
import { caseFigures, loadCaseFacts } from "./facts";
import { publishTypicalCase } from "./publish-typical-case";
import { getPublishedTypicalCase, listPublishedTypicalCases } from "./queries";
import { updateTypicalCase } from "./update-typical-case";
import { withdrawTypicalCase } from "./withdraw-typical-case";

vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

useTestDatabase();
afterEach(() => setClock(null));

const COMPANY = "嘉善恒达纺织有限公司";
let admin: Actor; // unscoped
let jiashanAdmin: Actor;
let qingpuAdmin: Actor;
let enterprise: Actor;
let expert: Actor;

beforeAll(async () => {
  admin = await createAdminActor();
  jiashanAdmin = await createAdminActor("330421");
  qingpuAdmin = await createAdminActor("310118");
  enterprise = await createEnterpriseActor(COMPANY);
  expert = await createExpertActor();
  await db.update(enterprises).set({ contactName: "王建国", contactPhone: "13905731234" }).where(eq(enterprises.id, enterprise.enterpriseId!));
});

/**
 * A closed case of the company with two disputes: one resolved with ¥12,345.67 recovered (and an
 * entry of ¥100 reversed), one withdrawn with ¥50 recovered; the counterparties are 嘉兴（某）贸易
 * 有限公司 and a person, 李四.
 */
async function closedCase(): Promise<string> {
  const id = await fileAs(enterprise, { counterparties: [{ name: "嘉兴（某）贸易 有限公司", creditCode: undefined }] });
  await moveTo(id, "in_progress", expert);
  const first = await createDispute(expert, id, { counterpartyName: "嘉兴（某）贸易 有限公司", kind: "receivable", claimedFen: 5_000_000n });
  const second = await createDispute(expert, id, { counterpartyName: "李四", kind: "other", claimedFen: 100_000n });
  await recordRecovery(expert, first.id, { amountFen: 1_234_567n, receivedOn: "2026-03-01", method: "negotiation" });
  const wrong = await recordRecovery(expert, first.id, { amountFen: 10_000n, receivedOn: "2026-03-02", method: "negotiation" });
  await reverseRecovery(expert, wrong.id, "重复登记");
  await recordRecovery(expert, second.id, { amountFen: 5_000n, receivedOn: "2026-03-03", method: "mediation" });
  await updateDispute(expert, first.id, { status: "resolved", resolutionMethod: "negotiation" });
  await updateDispute(expert, second.id, { status: "withdrawn", resolutionMethod: undefined });
  await db.update(requests).set({ status: "closed", resolvedAt: new Date(), closedAt: new Date() }).where(eq(requests.id, id));
  return id;
}

const story = {
  titleZh: `${COMPANY}追回货款`,
  titleEn: "Hengda textiles recovers its receivables",
  storyZh: `恒达纺织联系人王建国（电话 13905731234）反映，嘉兴某贸易有限公司拖欠货款；李四出面协调。身份证 330421199001011234。`,
  storyEn: "The contact 王建国 called from 139-0573-1234.",
};

async function call(handler: typeof POST, as: Actor | null, url: string, body?: unknown, params: Record<string, string> = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (as) headers.authorization = `Bearer ${await bearerFor(as)}`;
  const response = await handler(
    new Request(`http://localhost${url}`, {
      method: body === undefined ? "GET" : "POST",
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { fields?: Record<string, string> } } };
}

describe("drafting a typical case", () => {
  it("answers 201 for a closed case, with the figures of the ledger whatever the input says", async () => {
    const id = await closedCase();
    const answer = await call(POST, jiashanAdmin, "/api/v1/typical-cases", {
      requestId: id,
      ...story,
      companyConsent: false,
      disputesResolved: 99,
      recoveredFen: 1,
      figures: { disputesResolved: 99, recoveredFen: 1 },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ id: expect.any(String), status: "draft" });
    const [row] = await db
      .select()
      .from(typicalCases)
      .where(eq(typicalCases.id, answer.body.id as string));
    // One dispute resolved (the other withdrawn); 12,345.67 + 50.00 recovered, the reversed 100.00 netted out.
    expect(row).toMatchObject({ status: "draft", disputesResolved: 1, recoveredFen: 1_239_567n, createdBy: jiashanAdmin.userId });
    expect(await caseFigures(admin, id)).toEqual({ disputesResolved: 1, recoveredFen: 1_239_567n });
    expect(await db.$count(events, and(eq(events.requestId, id), eq(events.type, "request.typical_case_drafted")))).toBe(1);
  });

  it("refuses a case that is not closed (409), another district's admin (404), and anyone but an admin (403)", async () => {
    const open = await fileAs(enterprise);
    await moveTo(open, "resolved", expert);
    const body = { requestId: open, ...story, companyConsent: false };
    expect((await call(POST, admin, "/api/v1/typical-cases", body)).status).toBe(409);
    const id = await closedCase();
    expect((await call(POST, qingpuAdmin, "/api/v1/typical-cases", { ...body, requestId: id })).status).toBe(404);
    expect((await call(POST, expert, "/api/v1/typical-cases", { ...body, requestId: id })).status).toBe(403);
    expect((await call(POST, enterprise, "/api/v1/typical-cases", { ...body, requestId: id })).status).toBe(403);
    expect((await call(POST, null, "/api/v1/typical-cases", { ...body, requestId: id })).status).toBe(401);
    expect((await call(POST, admin, "/api/v1/typical-cases", { ...body, requestId: id, titleZh: "" })).status).toBe(422);
    expect(await db.$count(typicalCases, eq(typicalCases.requestId, id))).toBe(0);
  });

  it("keeps one live typical case per request: a second is 409 (also when two race), a withdrawn one may be drafted again", async () => {
    const id = await closedCase();
    const input = { requestId: id, ...story, companyConsent: false };
    const results = await Promise.allSettled([draftTypicalCase(admin, input), draftTypicalCase(jiashanAdmin, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect((await call(POST, admin, "/api/v1/typical-cases", input)).status).toBe(409);
    const [live] = await db.select({ id: typicalCases.id }).from(typicalCases).where(eq(typicalCases.requestId, id));
    await withdrawTypicalCase(admin, live!.id);
    expect((await call(POST, admin, "/api/v1/typical-cases", input)).status).toBe(201);
  });
});

describe("anonymisation", () => {
  it("replaces the company, the other side, people, phone and ID numbers without consent, in both languages", async () => {
    const id = await closedCase();
    const { id: draft } = await draftTypicalCase(admin, { requestId: id, ...story, companyConsent: false });
    const [row] = await db.select().from(typicalCases).where(eq(typicalCases.id, draft));
    const all = `${row!.titleZh} ${row!.storyZh} ${row!.titleEn} ${row!.storyEn}`;
    for (const gone of [COMPANY, "恒达纺织", "恒达", "嘉兴某贸易有限公司", "王建国", "李四", "13905731234", "139-0573-1234", "330421199001011234"]) {
      expect(all, gone).not.toContain(gone);
    }
    expect(row!.titleZh).toMatch(/^某[甲乙]公司追回货款$/);
    expect(row!.storyZh).toContain("王某");
    expect(row!.storyZh).toContain("（电话已隐去）");
    expect(row!.storyEn).toContain("Person");
    expect(row!.storyEn).toContain("(phone withheld)");
    expect(row).toMatchObject({ companyConsent: false, consentRecordedBy: null });
  });

  it("keeps the company's name with its consent, recorded with who and when, and still removes people", async () => {
    setClock(new Date("2026-11-20T10:00:00+08:00"));
    const id = await closedCase();
    const { id: draft } = await draftTypicalCase(jiashanAdmin, { requestId: id, ...story, companyConsent: true });
    const [row] = await db.select().from(typicalCases).where(eq(typicalCases.id, draft));
    expect(row!.titleZh).toBe(`${COMPANY}追回货款`);
    expect(row!.storyZh).not.toContain("王建国");
    expect(row!.storyZh).not.toContain("李四");
    expect(row!.storyZh).not.toContain("13905731234");
    expect(row).toMatchObject({ companyConsent: true, consentRecordedBy: jiashanAdmin.userId, consentRecordedAt: new Date("2026-11-20T02:00:00Z") });
    // Taking the consent back replaces the name again, and clears who recorded it.
    await updateTypicalCase(jiashanAdmin, draft, { ...story, titleZh: row!.titleZh, companyConsent: false });
    const [changed] = await db.select().from(typicalCases).where(eq(typicalCases.id, draft));
    expect(changed!.titleZh).not.toContain(COMPANY);
    expect(changed).toMatchObject({ companyConsent: false, consentRecordedBy: null, consentRecordedAt: null });
    expect(await db.$count(events, and(eq(events.requestId, id), eq(events.type, "request.typical_case_consent")))).toBe(1);
  });

  it("finds the company's name written with other brackets and spaces, and names several companies apart", () => {
    const facts: CaseFacts = {
      company: { name: "嘉善（恒达）纺织有限公司", creditCodes: ["91330421MA2BXXXX1X"], isPerson: false },
      people: ["张三"],
      counterparties: [{ name: "上海某科技有限公司", creditCode: null }],
      phones: ["0573-84001234"],
    };
    const { text, replaced } = anonymise(
      "嘉善(恒达) 纺织有限公司（91330421MA2BXXXX1X）起诉上海某科技有限公司，张三，电话 0573-84001234。",
      facts,
      false,
      "zh",
    );
    expect(text).toBe("某甲公司（某甲公司）起诉某乙公司，张某，电话 （电话已隐去）。");
    expect(replaced.map((r) => r.kind)).toEqual(expect.arrayContaining(["company", "creditCode", "counterparty", "person", "phone"]));
  });
});

describe("publishing", () => {
  it("publishes a draft with the figures read again from the ledger, on the timeline; a second publish is 409", async () => {
    setClock(new Date("2026-11-25T09:00:00+08:00"));
    const id = await closedCase();
    const { id: draft } = await draftTypicalCase(admin, { requestId: id, ...story, companyConsent: false });
    // A stale figure in the row is put right when it is published.
    await db.update(typicalCases).set({ disputesResolved: 7, recoveredFen: 1n }).where(eq(typicalCases.id, draft));
    const answer = await call(PUBLISH, jiashanAdmin, `/api/v1/typical-cases/${draft}/publish`, {}, { id: draft });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ id: draft, status: "published", publishedAt: "2026-11-25T01:00:00.000Z" });
    const [row] = await db.select().from(typicalCases).where(eq(typicalCases.id, draft));
    expect(row).toMatchObject({ status: "published", disputesResolved: 1, recoveredFen: 1_239_567n, publishedBy: jiashanAdmin.userId });
    expect(await db.$count(events, and(eq(events.requestId, id), eq(events.type, "request.typical_case_published")))).toBe(1);
    expect((await call(PUBLISH, admin, `/api/v1/typical-cases/${draft}/publish`, {}, { id: draft })).status).toBe(409);
    expect((await call(PUBLISH, qingpuAdmin, `/api/v1/typical-cases/${draft}/publish`, {}, { id: draft })).status).toBe(404);
  });

  it("refuses (422) while a known name or phone number remains in either language, and says which", async () => {
    const id = await closedCase();
    const { id: draft } = await draftTypicalCase(admin, { requestId: id, ...story, companyConsent: false });
    await db.update(typicalCases).set({ storyEn: "Mr 王建国 of Hengda" }).where(eq(typicalCases.id, draft));
    const refused = await call(PUBLISH, admin, `/api/v1/typical-cases/${draft}/publish`, {}, { id: draft });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.error!.fields!)).toEqual(["storyEn"]);
    await db
      .update(typicalCases)
      .set({ storyEn: null, titleZh: `${COMPANY}案` })
      .where(eq(typicalCases.id, draft));
    expect((await call(PUBLISH, admin, `/api/v1/typical-cases/${draft}/publish`, {}, { id: draft })).status).toBe(422);
    const [row] = await db.select({ status: typicalCases.status }).from(typicalCases).where(eq(typicalCases.id, draft));
    expect(row!.status).toBe("draft");
    // With the company's consent its name may stay; English is optional.
    await db.update(typicalCases).set({ companyConsent: true }).where(eq(typicalCases.id, draft));
    await expect(publishTypicalCase(admin, draft)).resolves.toMatchObject({ status: "published" });
  });
});

describe("the public list", () => {
  it("shows only published cases, newest first, in both languages, paginated; a withdrawn one leaves it", async () => {
    const [a, b, c] = [await closedCase(), await closedCase(), await closedCase()];
    setClock(new Date("2026-11-01T09:00:00+08:00"));
    const first = await draftTypicalCase(admin, { requestId: a, ...story, companyConsent: false });
    await publishTypicalCase(admin, first.id);
    setClock(new Date("2026-11-02T09:00:00+08:00"));
    const second = await draftTypicalCase(admin, { requestId: b, titleZh: "中文标题", storyZh: "中文正文", companyConsent: false });
    await publishTypicalCase(admin, second.id);
    const draft = await draftTypicalCase(admin, { requestId: c, ...story, companyConsent: false });

    const answer = await call(GET as typeof POST, null, "/api/v1/typical-cases?pageSize=100");
    expect(answer.status).toBe(200);
    const items = answer.body.items as { id: string; titleEn?: string; figures: unknown }[];
    const ids = items.map((i) => i.id);
    expect(ids).not.toContain(draft.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    const english = items.find((i) => i.id === first.id)!;
    expect(english).toMatchObject({ titleEn: expect.any(String), figures: { disputesResolved: 1, recoveredFen: 1_239_567 } });
    expect(items.find((i) => i.id === second.id)).not.toHaveProperty("titleEn");
    expect(await getPublishedTypicalCase(draft.id)).toBeNull();
    const page = await call(GET as typeof POST, null, "/api/v1/typical-cases?pageSize=1&page=2");
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: items.length });
    expect(page.body.items).toHaveLength(1);

    await withdrawTypicalCase(admin, first.id);
    const after = (await listPublishedTypicalCases({ page: 1, pageSize: 100 })).items.map((i) => i.id);
    expect(after).toContain(second.id);
    expect(after).not.toContain(first.id);
    expect(await db.$count(events, and(eq(events.requestId, a), eq(events.type, "request.typical_case_withdrawn")))).toBe(1);
    expect(await getPublishedTypicalCase(first.id)).toBeNull();
  });

  it("knows the people of a case: the contact, the filer, the other side", async () => {
    const id = await closedCase();
    const facts = await loadCaseFacts(db, id);
    expect(facts.company.name).toBe(COMPANY);
    expect(facts.people).toContain("王建国");
    expect(facts.counterparties.map((c) => c.name)).toEqual(expect.arrayContaining(["嘉兴（某）贸易 有限公司", "李四"]));
    const [request] = await db.select({ status: requests.status }).from(requests).where(eq(requests.id, id));
    expect(request!.status).toBe("closed");
  });
});

describe("the demo world", () => {
  it("holds two published typical cases and a draft, drafted from closed cases, whose figures equal the ledger", async () => {
    await seedDemoWorld(db);
    const rows = await db
      .select({
        requestId: typicalCases.requestId,
        status: typicalCases.status,
        disputesResolved: typicalCases.disputesResolved,
        recoveredFen: typicalCases.recoveredFen,
        requestStatus: requests.status,
      })
      .from(typicalCases)
      .innerJoin(requests, eq(requests.id, typicalCases.requestId))
      .innerJoin(users, eq(users.id, typicalCases.createdBy))
      .where(eq(users.email, "admin@demo.example"));
    const demo = rows.filter((r) => r.requestStatus === "closed");
    expect(demo).toHaveLength(rows.length);
    expect(demo.filter((r) => r.status === "published")).toHaveLength(2);
    expect(demo.filter((r) => r.status === "draft")).toHaveLength(1);
    for (const row of demo) {
      expect(await caseFigures(admin, row.requestId)).toEqual({ disputesResolved: row.disputesResolved, recoveredFen: row.recoveredFen });
      expect(row.recoveredFen).toBeGreaterThan(0n);
    }
  });
});
