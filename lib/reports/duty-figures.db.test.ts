import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/reports/export/route";
import { GET as reportsRoute } from "@/app/api/v1/reports/route";
import { db } from "@/db";
import { caseHours } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { createAcceptedCase } from "@/test/accepted-case";
import { useTestDatabase } from "@/test/database";
import { createDutySession } from "@/test/duty-fixtures";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "@/test/fixtures";
import { getDutyImpact, getDutyReport } from "./duty-figures";
import { getReport } from "./get-report";
import { makePeriod } from "./period";
import { serviceHoursOf } from "./service-hours";

useTestDatabase();

/*
 * A month of duty days, counted by hand. Station J is in 嘉善县 (330421002), station Q in 青浦区 (310118001).
 *   03-02 J  A  am   held       bookings: attended, attended (became request R1), no_show, cancelled
 *   03-03 J  A  day  held       bookings: attended
 *   03-02 J  B  pm   held       bookings: no_show
 *   03-04 J  A  am   cancelled  bookings: cancelled
 *   03-05 J  B  pm   declined
 *   03-06 J  A  pm   confirmed  bookings: booked (the day has not come)
 *   03-09 Q  B  day  held       bookings: attended, attended
 *   04-01 J  A  am   held       bookings: attended (after the period)
 * Case hours: A 90 min on 03-10 on an online request in 嘉善县 (no station), A 60 min on 03-11 on R1
 * (filed by station J), B 120 min on 03-12 on a request filed by station Q in 青浦区, A 30 min on 02-28.
 * March: A held 2 sessions (3.5 h + 7 h) and 2.5 h of case hours = 13 h; B held 2 (3.5 h + 7 h) and 2 h = 12.5 h.
 */
const MARCH = makePeriod("2026-03-01", "2026-03-31");
const at = (s: string) => new Date(s);

describe("duty figures against a month counted by hand", () => {
  let admin: Actor, jiashanAdmin: Actor, qingpuAdmin: Actor, expertA: Actor, expertB: Actor;
  let stationJ: string, stationQ: string;

  beforeAll(async () => {
    admin = await createAdminActor();
    jiashanAdmin = await createAdminActor("330421");
    qingpuAdmin = await createAdminActor("310118");
    const staffJ = await createStationActor("330421002");
    const staffQ = await createStationActor("310118001");
    stationJ = staffJ.stationId!;
    stationQ = staffQ.stationId!;
    expertA = await createExpertActor({ name: "甲专家" });
    expertB = await createExpertActor({ name: "乙专家" });
    const enterprise = await createEnterpriseActor();

    const r1 = await createAcceptedCase({
      enterprise,
      expert: expertA,
      channel: "station",
      stationId: stationJ,
      regionCode: "330421002",
      submittedAt: at("2026-03-02T10:00:00+08:00"),
    });
    const online = await createAcceptedCase({ enterprise, expert: expertA, regionCode: "330421", submittedAt: at("2026-02-20T10:00:00+08:00") });
    const qingpu = await createAcceptedCase({
      enterprise,
      expert: expertB,
      channel: "station",
      stationId: stationQ,
      regionCode: "310118001",
      submittedAt: at("2026-03-09T10:00:00+08:00"),
    });

    const J = { stationId: stationJ, plannedBy: staffJ.userId };
    const Q = { stationId: stationQ, plannedBy: staffQ.userId };
    const A = expertA.expertId!;
    const B = expertB.expertId!;
    await createDutySession({
      ...J,
      expertId: A,
      date: "2026-03-02",
      period: "am",
      status: "held",
      bookings: [{ status: "attended" }, { status: "attended", requestId: r1 }, { status: "no_show" }, { status: "cancelled" }],
    });
    await createDutySession({ ...J, expertId: A, date: "2026-03-03", period: "day", status: "held", bookings: [{ status: "attended" }] });
    await createDutySession({ ...J, expertId: B, date: "2026-03-02", period: "pm", status: "held", bookings: [{ status: "no_show" }] });
    await createDutySession({ ...J, expertId: A, date: "2026-03-04", period: "am", status: "cancelled", bookings: [{ status: "cancelled" }] });
    await createDutySession({ ...J, expertId: B, date: "2026-03-05", period: "pm", status: "declined" });
    await createDutySession({ ...J, expertId: A, date: "2026-03-06", period: "pm", status: "confirmed", bookings: [{ status: "booked" }] });
    await createDutySession({
      ...Q,
      expertId: B,
      date: "2026-03-09",
      period: "day",
      status: "held",
      bookings: [{ status: "attended" }, { status: "attended" }],
    });
    await createDutySession({ ...J, expertId: A, date: "2026-04-01", period: "am", status: "held", bookings: [{ status: "attended" }] });

    await db.insert(caseHours).values([
      { requestId: online, expertId: A, workedOn: "2026-03-10", minutes: 90 },
      { requestId: r1, expertId: A, workedOn: "2026-03-11", minutes: 60 },
      { requestId: qingpu, expertId: B, workedOn: "2026-03-12", minutes: 120 },
      { requestId: online, expertId: A, workedOn: "2026-02-28", minutes: 30 },
    ]);
  });

  const duty = (r: Record<string, unknown> | undefined) => ({
    sessionsHeld: r?.sessionsHeld,
    consultationsGiven: r?.consultationsGiven,
    bookingsNoShow: r?.bookingsNoShow,
    requestsFromConsultations: r?.requestsFromConsultations,
    serviceHours: r?.serviceHours,
    dutyHours: r?.dutyHours,
    caseHours: r?.caseHours,
  });

  it("says an expert's service hours: held sessions by their period, and hours on cases", async () => {
    expect(await serviceHoursOf(expertA.expertId!, MARCH)).toEqual({ sessionsHeld: 2, dutyMinutes: 630, caseMinutes: 150, minutes: 780, hours: 13 });
    expect(await serviceHoursOf(expertB.expertId!, MARCH)).toEqual({
      sessionsHeld: 2,
      dutyMinutes: 630,
      caseMinutes: 120,
      minutes: 750,
      hours: 12.5,
    });
    // February to April: A's April morning and February half hour come in.
    expect((await serviceHoursOf(expertA.expertId!, makePeriod("2026-02-01", "2026-04-30"))).minutes).toBe(780 + 210 + 30);
    // Within 青浦区: only B's day there and the hours on the 青浦 request.
    const qingpu = { regionCode: "310118", prefix: "310118", regionLevel: "town" as const };
    expect(await serviceHoursOf(expertB.expertId!, MARCH, qingpu)).toMatchObject({ sessionsHeld: 1, minutes: 540, hours: 9 });
    expect(await serviceHoursOf(expertA.expertId!, MARCH, qingpu)).toMatchObject({ sessionsHeld: 0, minutes: 0 });
  });

  it("gives every figure by station and by expert, and their totals", async () => {
    const byStation = await getReport(admin, { groupBy: "station", period: MARCH }, "zh-CN");
    const station = (key: string) => duty(byStation.rows.find((r) => r.key === key) as Record<string, unknown> | undefined);
    expect(station(stationJ)).toEqual({
      sessionsHeld: 3,
      consultationsGiven: 3,
      bookingsNoShow: 2,
      requestsFromConsultations: 1,
      serviceHours: 15,
      dutyHours: 14,
      caseHours: 1,
    });
    expect(station(stationQ)).toEqual({
      sessionsHeld: 1,
      consultationsGiven: 2,
      bookingsNoShow: 0,
      requestsFromConsultations: 0,
      serviceHours: 9,
      dutyHours: 7,
      caseHours: 2,
    });
    // The online request's hours: under "no station", as its request figures are.
    expect(station("")).toMatchObject({ sessionsHeld: 0, caseHours: 1.5, serviceHours: 1.5 });
    const totals = {
      sessionsHeld: 4,
      consultationsGiven: 5,
      bookingsNoShow: 2,
      requestsFromConsultations: 1,
      serviceHours: 25.5,
      dutyHours: 21,
      caseHours: 4.5,
    };
    expect(duty(byStation.totals as unknown as Record<string, unknown>)).toEqual(totals);
    // the request figures are still there
    expect(byStation.rows.find((r) => r.key === stationJ)).toMatchObject({ requests: 1, label: expect.stringMatching(/^服务站/) });

    const byExpert = await getReport(admin, { groupBy: "expert", period: MARCH }, "zh-CN");
    const expert = (key: string) => duty(byExpert.rows.find((r) => r.key === key) as Record<string, unknown> | undefined);
    expect(expert(expertA.expertId!)).toEqual({
      sessionsHeld: 2,
      consultationsGiven: 3,
      bookingsNoShow: 1,
      requestsFromConsultations: 1,
      serviceHours: 13,
      dutyHours: 10.5,
      caseHours: 2.5,
    });
    expect(expert(expertB.expertId!)).toEqual({
      sessionsHeld: 2,
      consultationsGiven: 2,
      bookingsNoShow: 1,
      requestsFromConsultations: 0,
      serviceHours: 12.5,
      dutyHours: 10.5,
      caseHours: 2,
    });
    expect(duty(byExpert.totals as unknown as Record<string, unknown>)).toEqual(totals);
    expect(byExpert.rows.find((r) => r.key === expertA.expertId)?.label).toBe("甲专家");

    // Other groupings carry none of it.
    const byRegion = await getReport(admin, { groupBy: "region", period: MARCH }, "zh-CN");
    expect(byRegion.totals.sessionsHeld).toBeUndefined();
    expect(byRegion.rows.every((r) => r.serviceHours === undefined)).toBe(true);
  });

  it("shows a station that held sessions but filed nothing", async () => {
    const april = await getReport(admin, { groupBy: "station", period: makePeriod("2026-04-01", "2026-04-30") }, "zh-CN");
    expect(april.rows.map((r) => [r.key, r.requests, r.sessionsHeld, r.consultationsGiven, r.serviceHours])).toEqual([[stationJ, 0, 1, 1, 3.5]]);
  });

  it("keeps to the admin's district", async () => {
    const jiashan = await getReport(jiashanAdmin, { groupBy: "expert", period: MARCH }, "zh-CN");
    expect(jiashan.rows.map((r) => [r.key, r.sessionsHeld, r.serviceHours]).sort()).toEqual(
      [
        [expertA.expertId!, 2, 13],
        [expertB.expertId!, 1, 3.5],
      ].sort(),
    );
    expect(duty(jiashan.totals as unknown as Record<string, unknown>)).toEqual({
      sessionsHeld: 3,
      consultationsGiven: 3,
      bookingsNoShow: 2,
      requestsFromConsultations: 1,
      serviceHours: 16.5,
      dutyHours: 14,
      caseHours: 2.5,
    });
    const qingpu = await getReport(qingpuAdmin, { groupBy: "station", period: MARCH }, "zh-CN");
    expect(qingpu.rows.map((r) => [r.key, r.sessionsHeld, r.consultationsGiven, r.serviceHours])).toEqual([[stationQ, 1, 2, 9]]);

    const panel = await getDutyReport(qingpuAdmin, MARCH, "en");
    expect(panel.byStation.map((r) => r.key)).toEqual([stationQ]);
    expect(panel.byExpert.map((r) => [r.label, r.serviceHours])).toEqual([["乙专家", 9]]);
    expect(panel.totals).toMatchObject({ sessionsHeld: 1, consultationsGiven: 2, serviceHours: 9 });
    await expect(getDutyReport(expertA, MARCH, "en")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("fills the dashboard's duty section, most service hours first", async () => {
    const panel = await getDutyReport(admin, MARCH, "zh-CN");
    expect(panel.byExpert.map((r) => [r.key, r.serviceHours])).toEqual([
      [expertA.expertId!, 13],
      [expertB.expertId!, 12.5],
    ]);
    expect(panel.byStation.map((r) => [r.key, r.serviceHours])).toEqual([
      [stationJ, 15],
      [stationQ, 9],
      ["", 1.5],
    ]);
    expect(panel.byStation.at(-1)?.label).toBe("非服务站登记");
    expect(panel.totals).toEqual({
      sessionsHeld: 4,
      consultationsGiven: 5,
      bookingsNoShow: 2,
      requestsFromConsultations: 1,
      serviceHours: 25.5,
      dutyHours: 21,
      caseHours: 4.5,
    });
  });

  it("publishes sessions held and consultations given per district, nothing planned or missed", async () => {
    expect(await getDutyImpact()).toEqual([
      { code: "330421", sessionsHeld: 4, consultationsGiven: 4 },
      { code: "310118", sessionsHeld: 1, consultationsGiven: 2 },
      { code: "320509", sessionsHeld: 0, consultationsGiven: 0 },
    ]);
  });

  it("serves the figures through the API and in both exports", async () => {
    const token = await bearerFor(jiashanAdmin);
    const get = (handler: typeof reportsRoute, query: string) =>
      handler(new Request(`http://localhost/api/v1/reports?${query}`, { headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({}),
      });
    const json = (await (await get(reportsRoute, "groupBy=station&from=2026-03&to=2026-03")).json()) as {
      rows: Record<string, unknown>[];
      totals: Record<string, unknown>;
    };
    expect(json.rows.find((r) => r.key === stationJ)).toMatchObject({
      requests: 1,
      recoveredFen: 0,
      sessionsHeld: 3,
      consultationsGiven: 3,
      bookingsNoShow: 2,
      requestsFromConsultations: 1,
      serviceHours: 15,
    });
    expect(json.rows.some((r) => r.key === stationQ)).toBe(false);
    expect(json.totals).toMatchObject({ sessionsHeld: 3, serviceHours: 16.5 });
    const byExpert = (await (await get(reportsRoute, "groupBy=expert&from=2026-03&to=2026-03")).json()) as { rows: Record<string, unknown>[] };
    expect(byExpert.rows.find((r) => r.key === expertB.expertId)).toMatchObject({ sessionsHeld: 1, bookingsNoShow: 1, serviceHours: 3.5 });
    const byMonth = (await (await get(reportsRoute, "groupBy=month&from=2026-03&to=2026-03")).json()) as { totals: Record<string, unknown> };
    expect(byMonth.totals).not.toHaveProperty("sessionsHeld");

    const csv = new TextDecoder().decode(await (await get(exportRoute, "groupBy=station&from=2026-03&to=2026-03&format=csv")).arrayBuffer());
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]!.split(",").slice(-7)).toEqual([
      "坐诊场次",
      "接待咨询人次",
      "预约未到人次",
      "咨询转诉求",
      "服务时长（小时）",
      "坐诊时长（小时）",
      "办案工时（小时）",
    ]);
    expect(lines.at(-1)!.split(",").slice(-7)).toEqual(["3", "3", "2", "1", "16.5", "14", "2.5"]);
    const region = new TextDecoder().decode(await (await get(exportRoute, "groupBy=region&from=2026-03&to=2026-03&format=csv")).arrayBuffer());
    expect(region).not.toContain("坐诊场次");

    const xlsx = await get(exportRoute, "groupBy=expert&from=2026-03&to=2026-03&format=xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet("报表")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(-7);
    expect(header).toEqual(["坐诊场次", "接待咨询人次", "预约未到人次", "咨询转诉求", "服务时长（小时）", "坐诊时长（小时）", "办案工时（小时）"]);
    const rowOfA = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === "甲专家")!;
    expect((rowOfA.values as unknown[]).slice(-7)).toEqual([2, 3, 1, 1, 13, 10.5, 2.5]);
  });
});
