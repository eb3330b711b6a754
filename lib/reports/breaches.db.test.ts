import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/reports/breaches/route";
import { db } from "@/db";
import { requestContacts, requests } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { sweepDeadlines } from "@/lib/timeliness/sweep";
import { listOpenBreaches } from "./breaches";
import { serviceLevelCompliance } from "./compliance";
import { makePeriod } from "./period";
import { createAcceptedCase } from "@/test/accepted-case";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";

useTestDatabase();

const china = (text: string) => new Date(`${text.replace(" ", "T")}:00+08:00`);

let admin: Actor;
let districtAdmin: Actor;
let otherDistrictAdmin: Actor;
let expert: Actor;
let triageId: string;
let contactId: string;

interface Page {
  items: {
    requestId: string;
    caseNumber: string;
    kind: string;
    owedBy: { role: string; userId?: string; expertId?: string };
    dueAt: string;
    breachedAt: string;
    doneAt?: string;
    lateHours: number;
  }[];
  page: number;
  pageSize: number;
  total: number;
}

async function call(as: Actor, query: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/v1/reports/breaches?${query}`, {
    headers: { authorization: `Bearer ${await bearerFor(as)}`, ...headers },
  });
  return GET(request, { params: Promise.resolve({}) });
}

async function page(as: Actor, query: string): Promise<Page> {
  const response = await call(as, query);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

beforeAll(async () => {
  const enterprise = await createEnterpriseActor();
  expert = await createExpertActor();
  admin = await createAdminActor();
  districtAdmin = await createAdminActor("330421");
  otherDistrictAdmin = await createAdminActor("310118");
  // a request left untriaged past its deadline (Tuesday 09:30), and a case first contacted late
  const [row] = await db
    .insert(requests)
    .values({
      title: "合同审查",
      category: "contract_dispute",
      description: "合同条款争议。",
      regionCode: "330421002",
      enterpriseId: enterprise.enterpriseId!,
      filedByUserId: enterprise.userId,
      submittedAt: china("2026-11-30 09:00"),
    })
    .returning({ id: requests.id });
  triageId = row!.id;
  const [onTime] = await db
    .insert(requests)
    .values({
      title: "劳动合同咨询",
      category: "labor",
      description: "员工解除劳动合同。",
      regionCode: "330421002",
      enterpriseId: enterprise.enterpriseId!,
      filedByUserId: enterprise.userId,
      submittedAt: china("2026-11-30 09:00"),
    })
    .returning({ id: requests.id });
  contactId = await createAcceptedCase({
    enterprise,
    expert,
    regionCode: "330421002",
    submittedAt: china("2026-11-27 09:00"),
    acceptedAt: china("2026-11-30 09:00"),
  });
  setClock(china("2026-11-30 09:05"));
  await sweepDeadlines();
  await db
    .update(requests)
    .set({ status: "triaged", triagedAt: china("2026-11-30 10:00") })
    .where(eq(requests.id, onTime!.id));
  setClock(china("2026-12-01 09:31"));
  await sweepDeadlines();
  await db
    .insert(requestContacts)
    .values({ requestId: contactId, expertId: expert.expertId!, contactedAt: china("2026-12-01 11:00"), method: "phone" });
  setClock(china("2026-12-02 09:30"));
  await sweepDeadlines();
});
afterAll(() => setClock(null));

describe("GET /api/v1/reports/breaches", () => {
  it("lists the missed deadlines with who owed them and how late, in working hours", async () => {
    const body = await page(admin, "from=2026-11&to=2026-12");
    expect(body.total).toBe(2);
    const triage = body.items.find((i) => i.kind === "triage")!;
    const [request] = await db.select({ caseNumber: requests.caseNumber }).from(requests).where(eq(requests.id, triageId));
    expect(triage).toEqual({
      requestId: triageId,
      caseNumber: request!.caseNumber,
      kind: "triage",
      owedBy: { role: "admin" },
      dueAt: "2026-12-01T01:30:00.000Z",
      breachedAt: "2026-12-01T01:31:00.000Z",
      // still open: from Tuesday 09:30 to Wednesday 09:30 is one working day
      lateHours: 7.5,
    });
    expect(body.items.find((i) => i.kind === "contact")).toEqual(
      expect.objectContaining({
        requestId: contactId,
        owedBy: { role: "expert", userId: expert.userId, expertId: expert.expertId },
        doneAt: "2026-12-01T03:00:00.000Z",
        lateHours: 1.5,
      }),
    );
  });

  it("filters by kind and pages", async () => {
    expect((await page(admin, "kind=contact&from=2026-11&to=2026-12")).items.map((i) => i.requestId)).toEqual([contactId]);
    const first = await page(admin, "from=2026-11&to=2026-12&pageSize=1");
    const second = await page(admin, "from=2026-11&to=2026-12&pageSize=1&page=2");
    expect([first.total, first.items.length, second.items.length]).toEqual([2, 1, 1]);
    expect(first.items[0]!.requestId).not.toBe(second.items[0]!.requestId);
    expect((await page(admin, "from=2026-01&to=2026-10")).total).toBe(0);
  });

  it("shows a district's admin their district only", async () => {
    expect((await page(districtAdmin, "from=2026-11&to=2026-12")).total).toBe(2);
    expect((await page(otherDistrictAdmin, "from=2026-11&to=2026-12")).total).toBe(0);
    expect((await page(admin, "from=2026-11&to=2026-12&region=310118")).total).toBe(0);
  });

  it("exports CSV and Excel with column labels in the caller's language", async () => {
    const csv = await call(admin, "from=2026-11&to=2026-12&format=csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    expect(text).toContain("受理编号");
    expect(text.trim().split("\r\n")).toHaveLength(3);
    const english = await (await call(admin, "from=2026-11&to=2026-12&format=csv", { "accept-language": "en" })).text();
    expect(english).toContain("Working hours late");
    expect(english).toContain("First contact with the company");
    const xlsx = await call(admin, "from=2026-11&to=2026-12&format=xlsx");
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it("refuses a kind it does not know (422)", async () => {
    expect((await call(admin, "kind=lunch")).status).toBe(422);
  });
});

describe("the dashboard's service levels", () => {
  it("count the deadlines that fell due and the share met, per district, expert and month", async () => {
    const period = makePeriod("2026-11-01", "2026-12-31");
    const compliance = await serviceLevelCompliance(admin, period, "zh-CN");
    // triage three times (the accepted case's, due in November, and one more in time), first contact once (late); the
    // resolution is not due yet
    expect(compliance.byDistrict).toEqual([{ key: "330421", label: "嘉善县", due: 4, met: 2 }]);
    expect(compliance.byExpert).toEqual([expect.objectContaining({ key: expert.expertId, due: 1, met: 0 })]);
    expect(compliance.byMonth).toEqual([
      { key: "2026-11", label: "2026-11", due: 1, met: 1 },
      { key: "2026-12", label: "2026-12", due: 3, met: 1 },
    ]);
    expect((await serviceLevelCompliance(otherDistrictAdmin, period, "en")).byDistrict).toEqual([]);
  });

  it("the admin's home lists the breaches not yet done, oldest first", async () => {
    const open = await listOpenBreaches(districtAdmin);
    expect(open.items.map((b) => [b.requestId, b.kind])).toEqual([[triageId, "triage"]]);
    expect((await listOpenBreaches(otherDistrictAdmin)).total).toBe(0);
  });
});
