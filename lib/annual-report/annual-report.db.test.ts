import ExcelJS from "exceljs";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getAnnual } from "@/app/api/v1/reports/annual/route";
import { db } from "@/db";
import { seededRandom } from "@/db/seed/random";
import { seedDemoWorld } from "@/db/seed/demo-world";
import { appraisals, disputes, recoveries, requests, typicalCases } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { createDispute } from "@/lib/disputes/create-dispute";
import { recordRecovery } from "@/lib/disputes/record-recovery";
import { reverseRecovery } from "@/lib/disputes/reverse-recovery";
import { requestCategories, type DisputeStatus, type RequestStatus } from "@/lib/enums";
import { todayInShanghai } from "@/lib/clock";
import { getReport } from "@/lib/reports/get-report";
import { createAcceptedCase } from "@/test/accepted-case";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "@/test/fixtures";
import { annualSections, getAnnualReport, yearPeriod, type AnnualSection } from "./get-annual-report";
import { annualReportXlsx } from "./workbook";

useTestDatabase();

/*
 * Every figure of the annual report against a computation of its own, in TypeScript over the rows
 * of the requests, the disputes and the recovery ledger (no SQL of lib/reports): over the demo
 * world, and over a generated year with edge cases (the last hour of the year in Shanghai, moved
 * categories, partly resolved requests, reversals, a district admin's scope).
 */

const GENERATED_YEAR = 2024;
const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString();
const yearOf = (d: Date | null) => (d ? Number(shanghai(d).slice(0, 4)) : null);
const monthOf = (d: Date) => shanghai(d).slice(0, 7);

interface Expected {
  requests: number;
  requestsResolved: number;
  disputesOpened: number;
  disputesResolved: number;
  claimedFen: bigint;
  recoveredFen: bigint;
  seconds: number[];
}
const zero = (): Expected => ({
  requests: 0,
  requestsResolved: 0,
  disputesOpened: 0,
  disputesResolved: 0,
  claimedFen: 0n,
  recoveredFen: 0n,
  seconds: [],
});

/** percentile_cont, rounded to hours with one decimal as the report does. */
function percentileHours(seconds: number[], p: number): number | null {
  if (!seconds.length) return null;
  // each time counted in whole hours first, halves away from zero (SQL accept_hours)
  const sorted = seconds.map((s) => Math.sign(s) * Math.round(Math.abs(s) / 3600)).sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const value = sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (at - low);
  return Math.round(value * 10) / 10;
}

/** The outcome as lib/reports/outcome.ts defines it, written again. */
function outcomeOf(status: RequestStatus, statuses: DisputeStatus[]): string {
  if (status === "withdrawn" || status === "rejected") return status;
  if (status !== "resolved" && status !== "closed") return "open";
  const resolved = statuses.filter((s) => s === "resolved").length;
  const counted = statuses.filter((s) => s !== "withdrawn").length;
  return resolved === counted ? "resolved" : resolved > 0 ? "partly_resolved" : "unresolved";
}

async function expectedFigures(year: number, scope: string | null) {
  const [reqs, disps, entries] = await Promise.all([db.select().from(requests), db.select().from(disputes), db.select().from(recoveries)]);
  const inScope = reqs.filter((r) => !scope || r.regionCode.startsWith(scope));
  const disputesOf = (id: string) => disps.filter((d) => d.requestId === id);
  const result = Object.fromEntries([...annualSections, "all"].map((s) => [s, new Map<string, Expected>()])) as Record<
    AnnualSection | "all",
    Map<string, Expected>
  >;
  for (const r of inScope) {
    const keys: Record<Exclude<AnnualSection, "month"> | "all", string> = {
      all: "",
      region: scope ? r.regionCode : r.regionCode.slice(0, 6),
      category: r.category,
      outcome: outcomeOf(
        r.status,
        disputesOf(r.id).map((d) => d.status),
      ),
      station: r.stationId ?? "",
      expert: r.assignedExpertId ?? "",
    };
    const add = (at: Date | string, f: (e: Expected) => void) => {
      const month = typeof at === "string" ? at.slice(0, 7) : monthOf(at);
      if (Number(month.slice(0, 4)) !== year) return;
      for (const [section, key] of [...Object.entries(keys), ["month", month]] as [AnnualSection | "all", string][]) {
        const map = result[section];
        if (!map.has(key)) map.set(key, zero());
        f(map.get(key)!);
      }
    };
    add(r.submittedAt, (e) => {
      e.requests += 1;
      if (r.acceptedAt) e.seconds.push((r.acceptedAt.getTime() - r.submittedAt.getTime()) / 1000);
    });
    if (r.resolvedAt && (r.status === "resolved" || r.status === "closed")) add(r.resolvedAt, (e) => (e.requestsResolved += 1));
    for (const d of disputesOf(r.id)) {
      add(d.openedAt, (e) => {
        e.disputesOpened += 1;
        e.claimedFen += d.claimedFen;
      });
      if (d.status === "resolved" && d.closedAt) add(d.closedAt, (e) => (e.disputesResolved += 1));
    }
    for (const x of entries.filter((x) => x.requestId === r.id)) add(x.receivedOn, (e) => (e.recoveredFen += x.amountFen));
  }
  // The month of an acceptance time is the month of filing (as on the reports page).
  for (const key of result.month.keys()) {
    const filed = inScope.filter((r) => yearOf(r.submittedAt) === year && monthOf(r.submittedAt) === key && r.acceptedAt);
    result.month.get(key)!.seconds = filed.map((r) => (r.acceptedAt!.getTime() - r.submittedAt.getTime()) / 1000);
  }
  return result;
}

async function expectReportEqualsLedger(admin: Actor, year: number) {
  const report = await getAnnualReport(admin, year, "zh-CN");
  const expected = await expectedFigures(year, admin.regionScope);
  const same = (row: typeof report.totals, e: Expected, what: string) => {
    expect(
      {
        requests: row.requests,
        requestsResolved: row.requestsResolved,
        disputesOpened: row.disputesOpened,
        disputesResolved: row.disputesResolved,
        claimedFen: row.claimedFen,
        recoveredFen: row.recoveredFen,
        acceptedRequests: row.acceptedRequests,
        medianHoursToAccept: row.medianHoursToAccept,
      },
      what,
    ).toEqual({
      requests: e.requests,
      requestsResolved: e.requestsResolved,
      disputesOpened: e.disputesOpened,
      disputesResolved: e.disputesResolved,
      claimedFen: e.claimedFen,
      recoveredFen: e.recoveredFen,
      acceptedRequests: e.seconds.length,
      medianHoursToAccept: percentileHours(e.seconds, 0.5),
    });
  };
  same(report.totals, expected.all.get("") ?? zero(), `${year} totals`);
  for (const section of annualSections) {
    const rows = report.sections[section].rows;
    for (const row of rows) same(row, expected[section].get(row.key) ?? zero(), `${year} ${section} ${row.key}`);
    const shown = new Set(rows.map((r) => r.key));
    for (const [key, e] of expected[section])
      if (e.requests || e.requestsResolved || e.disputesOpened || e.disputesResolved || e.claimedFen || e.recoveredFen)
        expect(shown.has(key), `${year} ${section} ${key} shown`).toBe(true);
    // and each section is exactly the reports page's report for the year
    const page = await getReport(admin, { groupBy: section, period: yearPeriod(year) }, "zh-CN");
    expect(report.sections[section]).toEqual(page);
  }
  return { report, expected };
}

describe("the annual report equals the ledger", () => {
  let admin: Actor, jiashanAdmin: Actor, experts: Actor[];
  const thisYear = Number(todayInShanghai().slice(0, 4));

  beforeAll(async () => {
    await seedDemoWorld(db);
    admin = await createAdminActor();
    jiashanAdmin = await createAdminActor("330421");
    const enterprise = await createEnterpriseActor();
    experts = [
      await createExpertActor({ homeRegionCode: "330421", name: "年报专家甲" }),
      await createExpertActor({ homeRegionCode: "320509", name: "年报专家乙" }),
      await createExpertActor({ homeRegionCode: "310118", name: "年报专家丙" }),
    ];
    const stations = [await createStationActor("330421002"), await createStationActor("320509001")];
    const random = seededRandom(2024);
    const regions = ["330421", "330421002", "320509", "310118001", "310118"];
    const requestIds: string[] = [];
    for (let i = 0; i < 36; i++) {
      // one in the last hour of the year in Shanghai (already the new year in UTC), one in its first hour
      const submittedAt =
        i === 0
          ? new Date(`${GENERATED_YEAR}-12-31T23:30:00+08:00`)
          : i === 1
            ? new Date(`${GENERATED_YEAR}-01-01T00:15:00+08:00`)
            : new Date(Date.UTC(GENERATED_YEAR, random.int(0, 11), random.int(1, 28), random.int(0, 23)));
      const id = await createAcceptedCase({
        enterprise,
        expert: random.pick(experts),
        status: "in_progress",
        regionCode: random.pick(regions),
        channel: random.pick(["web", "station", "hotline", "referral"] as const),
        stationId: random.next() < 0.4 ? random.pick(stations).stationId : null,
        specialties: [random.pick(["debt_collection", "labor", "contract"])],
        submittedAt,
        acceptedAt: new Date(submittedAt.getTime() + random.int(1, 200) * 3_600_000),
        title: `年报生成案件${i}`,
      });
      requestIds.push(id);
      await db
        .update(requests)
        .set({ category: random.pick(requestCategories) })
        .where(eq(requests.id, id));
      const count = random.int(0, 3);
      for (let k = 0; k < count; k++) {
        const dispute = await createDispute(admin, id, {
          counterpartyName: `相对方${i}-${k}`,
          kind: "receivable",
          claimedFen: BigInt(random.int(0, 9_000_000)),
        });
        const openedAt = new Date(submittedAt.getTime() + random.int(1, 20) * 86_400_000);
        await db.update(disputes).set({ openedAt }).where(eq(disputes.id, dispute.id));
        for (let e = random.int(0, 2); e > 0; e--) {
          const month = String(random.int(1, 12)).padStart(2, "0");
          const entry = await recordRecovery(admin, dispute.id, {
            amountFen: BigInt(random.int(1, 5_000_000)),
            receivedOn: `${random.next() < 0.85 ? GENERATED_YEAR : GENERATED_YEAR + 1}-${month}-${String(random.int(1, 28)).padStart(2, "0")}`,
            method: "negotiation",
            confirmOverClaim: true,
          });
          if (random.next() < 0.15) await reverseRecovery(admin, entry.id, "更正");
        }
        const status = random.pick(["resolved", "resolved", "unresolved", "withdrawn", "mediating"] as const);
        await db
          .update(disputes)
          .set({ status, closedAt: status === "mediating" ? null : new Date(openedAt.getTime() + random.int(1, 60) * 86_400_000) })
          .where(eq(disputes.id, dispute.id));
      }
      const finalStatus = random.pick(["in_progress", "resolved", "closed", "closed", "withdrawn", "rejected"] as const);
      await db
        .update(requests)
        .set({
          status: finalStatus,
          resolvedAt:
            finalStatus === "resolved" || finalStatus === "closed" ? new Date(submittedAt.getTime() + random.int(5, 90) * 86_400_000) : null,
        })
        .where(eq(requests.id, id));
    }
    // a triage correction after the year: the request's figures move to its new category
    await db.update(requests).set({ category: "ip" }).where(eq(requests.id, requestIds[2]!));

    // typical cases: published in the year (Jiashan, Wujiang), published the year before, a draft
    const [jiashanCase] = await db
      .select({ id: requests.id })
      .from(requests)
      .where(sql`${requests.id} in ${requestIds} and region_code like '330421%'`)
      .limit(1);
    const [wujiangCase] = await db
      .select({ id: requests.id })
      .from(requests)
      .where(sql`${requests.id} in ${requestIds} and region_code like '320509%'`)
      .limit(1);
    const others = requestIds.filter((r) => r !== jiashanCase!.id && r !== wujiangCase!.id);
    await db.insert(typicalCases).values([
      {
        requestId: jiashanCase!.id,
        status: "published",
        titleZh: "嘉善纺织企业货款追回案",
        titleEn: "Jiashan textile receivables",
        storyZh: "…",
        disputesResolved: 2,
        recoveredFen: 1_234_567n,
        createdBy: admin.userId,
        publishedAt: new Date(`${GENERATED_YEAR}-06-01T10:00:00+08:00`),
      },
      {
        requestId: wujiangCase!.id,
        status: "published",
        titleZh: "吴江劳动争议化解案",
        storyZh: "…",
        disputesResolved: 1,
        recoveredFen: 0n,
        createdBy: admin.userId,
        publishedAt: new Date(`${GENERATED_YEAR}-12-31T23:00:00+08:00`),
      },
      {
        requestId: others[0]!,
        status: "published",
        titleZh: "上一年的案例",
        storyZh: "…",
        createdBy: admin.userId,
        publishedAt: new Date(`${GENERATED_YEAR - 1}-12-31T23:59:00+08:00`),
      },
      { requestId: others[1]!, status: "draft", titleZh: "草稿", storyZh: "…", createdBy: admin.userId },
    ]);
    await db.insert(appraisals).values([
      { expertId: experts[0]!.expertId!, year: GENERATED_YEAR, grade: "excellent", comment: "优秀", figures: {}, gradedBy: admin.userId },
      { expertId: experts[1]!.expertId!, year: GENERATED_YEAR, grade: "excellent", comment: "优秀", figures: {}, gradedBy: admin.userId },
      { expertId: experts[2]!.expertId!, year: GENERATED_YEAR, grade: "competent", comment: "称职", figures: {}, gradedBy: admin.userId },
      { expertId: experts[2]!.expertId!, year: GENERATED_YEAR - 1, grade: "excellent", comment: "优秀", figures: {}, gradedBy: admin.userId },
    ]);
  }, 240_000);

  it("over the demo world: every section of this year and the last equals the ledger", async () => {
    for (const year of [thisYear, thisYear - 1]) {
      const { report } = await expectReportEqualsLedger(admin, year);
      if (year === thisYear) expect(report.totals.requests).toBeGreaterThan(0);
    }
  });

  it("over a generated year: every section, category and outcome included, equals the ledger; typical cases and commendations of the year", async () => {
    const { report, expected } = await expectReportEqualsLedger(admin, GENERATED_YEAR);
    expect(report.totals.requests).toBe(36);
    expect(expected.outcome.size).toBeGreaterThan(2);
    expect(report.sections.category.rows.find((r) => r.key === "ip")?.requests ?? 0).toBeGreaterThan(0);
    expect(report.typicalCases.map((c) => c.titleZh)).toEqual(["嘉善纺织企业货款追回案", "吴江劳动争议化解案"]);
    expect(report.typicalCases[0]!.recoveredFen).toBe(1_234_567n);
    expect(report.commendations.map((c) => c.name).sort()).toEqual(["年报专家乙", "年报专家甲"].sort());
    expect(report.commendations.find((c) => c.name === "年报专家乙")!.districtCode).toBe("320509");
  });

  it("a district's admin sees only their district, by town", async () => {
    const { report } = await expectReportEqualsLedger(jiashanAdmin, GENERATED_YEAR);
    expect(report.regionScope).toBe("330421");
    expect(report.sections.region.rows.every((r) => r.key.startsWith("330421"))).toBe(true);
    expect(report.typicalCases.map((c) => c.titleZh)).toEqual(["嘉善纺织企业货款追回案"]);
    expect(report.commendations.map((c) => c.name)).toEqual(["年报专家甲"]);
    const whole = await getAnnualReport(admin, GENERATED_YEAR, "zh-CN");
    expect(report.totals.requests).toBeLessThan(whole.totals.requests);
  });

  it("the workbook opens, with a sheet per section whose totals are the report's, in the reader's language", async () => {
    const report = await getAnnualReport(admin, GENERATED_YEAR, "en");
    for (const [locale, summary, category] of [
      ["zh-CN", "概况", "分工作类别"],
      ["en", "Summary", "By category"],
    ] as const) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await annualReportXlsx(report, "All regions", locale)).buffer as ArrayBuffer);
      expect(workbook.worksheets.map((s) => s.name)).toHaveLength(9);
      expect(workbook.getWorksheet(summary)).toBeDefined();
      const sheet = workbook.getWorksheet(category)!;
      const totals = sheet.getRow(sheet.rowCount);
      expect(totals.getCell(2).value).toBe(report.totals.requests);
      expect(BigInt(totals.getCell(9).value as number)).toBe(report.totals.recoveredFen);
    }
  });

  it("serves JSON and the workbook through the API to admins only", async () => {
    const call = async (actor: Actor, query: string) =>
      getAnnual(new Request(`http://localhost/api/v1/reports/annual?${query}`, { headers: { authorization: `Bearer ${await bearerFor(actor)}` } }));
    const json = await call(admin, `year=${GENERATED_YEAR}`);
    expect(json.status).toBe(200);
    const body = (await json.json()) as { totals: { requests: number; recoveredFen: number }; sections: { outcome: { rows: unknown[] } } };
    expect(body.totals.requests).toBe(36);
    expect(body.sections.outcome.rows.length).toBeGreaterThan(0);
    const file = await call(jiashanAdmin, `year=${GENERATED_YEAR}&format=xlsx`);
    expect(file.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    expect(workbook.worksheets).toHaveLength(9);
    expect((await call(experts[0]!, `year=${GENERATED_YEAR}`)).status).toBe(403);
    expect((await call(admin, "year=1999")).status).toBe(422);
  });
});
