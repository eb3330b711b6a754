import ExcelJS from "exceljs";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/reports/export/route";
import { GET as reportsRoute } from "@/app/api/v1/reports/route";
import { GET as statsRoute } from "@/app/api/v1/stats/route";
import { db, rowsOf } from "@/db";
import { disputes, requests } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { createAcceptedCase } from "@/test/accepted-case";
import { createDispute } from "@/lib/disputes/create-dispute";
import { recordRecovery } from "@/lib/disputes/record-recovery";
import { reverseRecovery } from "@/lib/disputes/reverse-recovery";
import { updateDispute } from "@/lib/disputes/update-dispute";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { getDashboardPanels } from "./dashboard";
import { getReport } from "./get-report";
import { makePeriod } from "./period";

useTestDatabase();

/*
 * A small world computed by hand (all amounts in fen):
 *   case 1  嘉善县 330421, web, specialties debt_collection + contract, expert A, filed 2026-01-10, accepted 20 h later
 *           dispute d1 claims 10,000,000 — entries 3,000,000 (01-20), 1,234,567 (02-03, reversed), 1,234,568 (02-04)
 *           dispute d2 claims 500,000 — opened 01-12, resolved 01-25
 *   case 2  青浦区 310118001, station, labor, expert B, filed 2026-02-15, accepted 50 h later
 *           dispute d3 claims 200,000 — entry 80,000 (03-01), resolved 03-05
 *   case 3  嘉善县 330421002, hotline, filed 2026-03-01, not accepted, no disputes
 * Period 2026-01 .. 2026-03: 3 requests, 3 disputes, 2 resolved, claimed 10,700,000, recovered 4,314,568.
 */
const Q1 = makePeriod("2026-01-01", "2026-03-31");
const at = (s: string) => new Date(s);

describe("report totals against a hand-computed world", () => {
  let admin: Actor, qingpuAdmin: Actor, townAdmin: Actor, expertA: Actor, expertB: Actor, case1: string;

  beforeAll(async () => {
    admin = await createAdminActor();
    qingpuAdmin = await createAdminActor("310118");
    townAdmin = await createAdminActor("330421002");
    const enterprise = await createEnterpriseActor();
    expertA = await createExpertActor();
    expertB = await createExpertActor();
    case1 = await createAcceptedCase({
      enterprise,
      expert: expertA,
      regionCode: "330421",
      channel: "web",
      specialties: ["debt_collection", "contract"],
      submittedAt: at("2026-01-10T10:00:00+08:00"),
      acceptedAt: at("2026-01-11T06:00:00+08:00"),
    });
    const case2 = await createAcceptedCase({
      enterprise,
      expert: expertB,
      regionCode: "310118001",
      channel: "station",
      specialties: ["labor"],
      submittedAt: at("2026-02-15T09:00:00+08:00"),
      acceptedAt: at("2026-02-17T11:00:00+08:00"),
    });
    const case3 = await createAcceptedCase({
      enterprise,
      expert: expertA,
      regionCode: "330421002",
      channel: "hotline",
      specialties: [],
      submittedAt: at("2026-03-01T08:00:00+08:00"),
    });
    await db.update(requests).set({ status: "triaged", assignedExpertId: null, acceptedAt: null }).where(eq(requests.id, case3));

    const d1 = (await createDispute(expertA, case1, { counterpartyName: "甲公司", kind: "receivable", claimedFen: 10_000_000n })).id;
    const d2 = (await createDispute(expertA, case1, { counterpartyName: "乙公司", kind: "contract", claimedFen: 500_000n })).id;
    const d3 = (await createDispute(expertB, case2, { counterpartyName: "丙公司", kind: "labor", claimedFen: 200_000n })).id;
    await db
      .update(disputes)
      .set({ openedAt: at("2026-01-12T09:00:00+08:00") })
      .where(sql`${disputes.id} in (${d1}, ${d2})`);
    await db
      .update(disputes)
      .set({ openedAt: at("2026-02-20T09:00:00+08:00") })
      .where(eq(disputes.id, d3));
    await recordRecovery(expertA, d1, { amountFen: 3_000_000n, receivedOn: "2026-01-20", method: "negotiation" });
    const wrong = await recordRecovery(expertA, d1, { amountFen: 1_234_567n, receivedOn: "2026-02-03", method: "negotiation" });
    await reverseRecovery(admin, wrong.id, "金额录错一分");
    await recordRecovery(expertA, d1, { amountFen: 1_234_568n, receivedOn: "2026-02-04", method: "negotiation" });
    await recordRecovery(expertB, d3, { amountFen: 80_000n, receivedOn: "2026-03-01", method: "mediation" });
    await updateDispute(expertA, d2, { status: "resolved", resolutionMethod: "mediation" });
    await updateDispute(expertB, d3, { status: "resolved", resolutionMethod: "mediation" });
    await db
      .update(disputes)
      .set({ closedAt: at("2026-01-25T15:00:00+08:00") })
      .where(eq(disputes.id, d2));
    await db
      .update(disputes)
      .set({ closedAt: at("2026-03-05T15:00:00+08:00") })
      .where(eq(disputes.id, d3));
  });

  const pick = (r: { requests: number; disputesOpened: number; disputesResolved: number; claimedFen: bigint; recoveredFen: bigint }) => ({
    requests: r.requests,
    disputesOpened: r.disputesOpened,
    disputesResolved: r.disputesResolved,
    claimedFen: r.claimedFen,
    recoveredFen: r.recoveredFen,
  });

  it("totals the period exactly, from the rollups", async () => {
    const report = await getReport(admin, { groupBy: "month", period: Q1 }, "zh-CN");
    expect(report.source).toBe("rollups");
    expect(pick(report.totals)).toEqual({ requests: 3, disputesOpened: 3, disputesResolved: 2, claimedFen: 10_700_000n, recoveredFen: 4_314_568n });
    expect(report.rows.map((r) => [r.key, r.requests, r.recoveredFen, r.disputesResolved])).toEqual([
      ["2026-01", 1, 3_000_000n, 1],
      ["2026-02", 1, 1_234_568n, 0],
      ["2026-03", 1, 80_000n, 1],
    ]);
    expect(report.rows[0]!.label).toBe("2026年1月");
  });

  it("groups by county, specialty, expert, station and channel", async () => {
    const by = async (groupBy: "region" | "specialty" | "expert" | "station" | "channel") =>
      Object.fromEntries((await getReport(admin, { groupBy, period: Q1 }, "en")).rows.map((r) => [r.key, [r.requests, r.recoveredFen]]));
    expect(await by("region")).toEqual({ "330421": [2, 4_234_568n], "310118": [1, 80_000n] });
    expect(await by("specialty")).toEqual({ debt_collection: [1, 4_234_568n], contract: [1, 4_234_568n], labor: [1, 80_000n] });
    expect(await by("expert")).toEqual({ [expertA.expertId!]: [1, 4_234_568n], [expertB.expertId!]: [1, 80_000n], "": [1, 0n] });
    expect(await by("channel")).toEqual({ web: [1, 4_234_568n], station: [1, 80_000n], hotline: [1, 0n] });
    const regions = await getReport(admin, { groupBy: "region", period: Q1 }, "en");
    expect(regions.rows.find((r) => r.key === "330421")?.label).toBe("Jiashan County");
  });

  it("gives the median and 90th percentile of hours from filing to acceptance", async () => {
    const { totals } = await getReport(admin, { groupBy: "month", period: Q1 }, "zh-CN");
    expect([totals.acceptedRequests, totals.medianHoursToAccept, totals.p90HoursToAccept]).toEqual([2, 35, 47]);
  });

  it("shows a region-scoped admin only their region, grouped by town, and a town's admin their town from the rollups", async () => {
    const report = await getReport(qingpuAdmin, { groupBy: "region", period: Q1 }, "zh-CN");
    expect(pick(report.totals)).toEqual({ requests: 1, disputesOpened: 1, disputesResolved: 1, claimedFen: 200_000n, recoveredFen: 80_000n });
    expect(report.rows.map((r) => [r.key, r.label])).toEqual([["310118001", "夏阳街道"]]);
    const town = await getReport(townAdmin, { groupBy: "channel", period: Q1 }, "zh-CN");
    expect(town.source).toBe("rollups"); // kept per town too (migration 0047)
    expect(town.rows.map((r) => [r.key, r.requests, r.recoveredFen])).toEqual([["hotline", 1, 0n]]);
  });

  it("answers a period of single days from the ledger, net of the reversal", async () => {
    const day = await getReport(admin, { groupBy: "month", period: makePeriod("2026-02-03", "2026-02-04") }, "zh-CN");
    expect(day.source).toBe("ledger");
    expect(day.totals.recoveredFen).toBe(1_234_568n);
    const reversedDay = await getReport(admin, { groupBy: "month", period: makePeriod("2026-02-03", "2026-02-03") }, "zh-CN");
    expect(reversedDay.totals.recoveredFen).toBe(0n);
  });

  it("moves a case's figures with it when the case is reassigned, and the totals stay", async () => {
    await db.update(requests).set({ assignedExpertId: expertB.expertId }).where(eq(requests.id, case1));
    const report = await getReport(admin, { groupBy: "expert", period: Q1 }, "zh-CN");
    expect(Object.fromEntries(report.rows.map((r) => [r.key, r.recoveredFen]))).toEqual({ [expertB.expertId!]: 4_314_568n, "": 0n });
    expect(report.totals.recoveredFen).toBe(4_314_568n);
    await db.update(requests).set({ assignedExpertId: expertA.expertId }).where(eq(requests.id, case1));
  });

  it("keeps the rollups and the acceptance times equal to a rebuild from the ledger and the requests", async () => {
    const snapshot = async () =>
      rowsOf<Record<string, string>>(
        // a figure is the sum of its rows over the shards (migration 0035)
        await db.execute(sql`select dimension, key, month::text, region_code, sum(requests_filed)::text, sum(requests_resolved)::text,
          sum(disputes_opened)::text, sum(disputes_resolved)::text, sum(claimed_fen)::text, sum(recovered_fen)::text from report_rollups
          group by 1, 2, 3, 4
          having sum(requests_filed) <> 0 or sum(requests_resolved) <> 0 or sum(disputes_opened) <> 0 or sum(disputes_resolved) <> 0
            or sum(claimed_fen) <> 0 or sum(recovered_fen) <> 0
          order by 1, 2, 3, 4`),
      );
    const times = async () =>
      rowsOf<Record<string, string>>(
        await db.execute(
          sql`select request_id::text, dimension, key, county, town, submitted_at::text, seconds::text from report_accept_times order by 1, 2, 3`,
        ),
      );
    // the counts of hours to accept per month, per year and per town (migrations 0039, 0045, 0059): a count taken back to zero says nothing
    const counts = async () =>
      rowsOf<Record<string, string>>(
        await db.execute(
          sql`select dimension, key, month::text, county, hours, requests from report_accept_histogram where requests <> 0
            union all
            select dimension, key, 'year ' || year::text, county, hours, requests from report_accept_histogram_years where requests <> 0
            union all
            select dimension, key, 'town ' || month::text, town, hours, requests from report_accept_histogram_towns where requests <> 0
            order by 1, 2, 3, 4, 5`,
        ),
      );
    const [kept, keptTimes, keptCounts] = [await snapshot(), await times(), await counts()];
    expect(keptTimes.length).toBeGreaterThan(0);
    expect(keptCounts.length).toBeGreaterThan(0);
    await db.execute(sql`select report_rollups_rebuild()`);
    await db.execute(sql`select report_accept_rebuild()`);
    expect(await snapshot()).toEqual(kept);
    expect(await times()).toEqual(keptTimes);
    expect(await counts()).toEqual(keptCounts);
  });

  it("serves the report and its exports through the API, the same to the fen", async () => {
    const token = await bearerFor(admin);
    const get = (handler: typeof reportsRoute, query: string) =>
      handler(new Request(`http://localhost/api/v1/reports?${query}`, { headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({}),
      });
    const json = (await (await get(reportsRoute, "groupBy=region&from=2026-01&to=2026-03")).json()) as {
      rows: { key: string; requests: number; disputesResolved: number; recoveredFen: number; medianHoursToAccept: number }[];
      totals: { recoveredFen: number };
    };
    expect(json.totals.recoveredFen).toBe(4_314_568);
    expect(json.rows.find((r) => r.key === "310118")).toMatchObject({
      requests: 1,
      disputesResolved: 1,
      recoveredFen: 80_000,
      medianHoursToAccept: 50,
    });
    const bad = await get(reportsRoute, "groupBy=planet&from=2026-13");
    expect(bad.status).toBe(422);

    const bytes = new Uint8Array(await (await get(exportRoute, "groupBy=region&from=2026-01&to=2026-03&format=csv")).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith("地区,受理诉求数")).toBe(true);
    expect(csv).toContain("合计,3,0,3,2,107000.00,43145.68");

    const xlsx = await get(exportRoute, "groupBy=month&from=2026-01&to=2026-03&format=xlsx");
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet("报表")!;
    const header = sheet.getRow(1).values as unknown[];
    const last = sheet.getRow(sheet.rowCount).values as unknown[];
    expect([header[8], header[9]]).toEqual(["追回金额（元）", "追回金额（分）"]);
    expect([last[1], last[8], last[9]]).toEqual(["合计", 43145.68, 4_314_568]);
    expect(sheet.getRow(sheet.rowCount).getCell(8).numFmt).toBe("#,##0.00");
  });

  it("publishes the same total on GET /api/v1/stats", async () => {
    const stats = (await (await statsRoute(new Request("http://localhost/api/v1/stats"), { params: Promise.resolve({}) })).json()) as {
      recoveredFen: number;
      disputesResolved: number;
      byYear: { year: number; recoveredFen: number }[];
      byDistrict: { code: string; recoveredFen: number; expertsActive: number }[];
      expertsActive: number;
    };
    expect(stats.recoveredFen).toBe(4_314_568);
    // the experts with a current appointment, in all and by district, as the roster says
    const active = rowsOf<{ county: string; n: number }>(
      await db.execute(sql`select left(home_region_code, 6) as county, count(*)::int as n from experts
        where status = 'active' and term_start <= (now() at time zone 'Asia/Shanghai')::date and term_end > (now() at time zone 'Asia/Shanghai')::date
        group by 1`),
    );
    expect(stats.expertsActive).toBe(active.reduce((sum, r) => sum + r.n, 0));
    expect(stats.expertsActive).toBeGreaterThan(0);
    expect(stats.byDistrict.map((d) => d.expertsActive)).toEqual(
      ["330421", "310118", "320509"].map((code) => active.find((r) => r.county === code)?.n ?? 0),
    );
    expect(stats.disputesResolved).toBe(2);
    expect(stats.byYear).toEqual([expect.objectContaining({ year: 2026, recoveredFen: 4_314_568 })]);
    expect(stats.byDistrict.map((d) => [d.code, d.recoveredFen])).toEqual([
      ["330421", 4_234_568],
      ["310118", 80_000],
      ["320509", 0],
    ]);
  });

  it("fills the dashboard's other panels", async () => {
    const panels = await getDashboardPanels(admin, Q1);
    expect(panels.status.filter((s) => s.count > 0)).toEqual([
      { status: "triaged", count: 1 },
      { status: "in_progress", count: 2 },
    ]);
    expect(panels.caseload.map((c) => c.active).sort()).toEqual([1, 1]);
    await expect(getDashboardPanels(expertA, Q1)).rejects.toMatchObject({ code: "forbidden" });
  });
});
