import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/appraisals/route";
import { PUT as gradeRoute } from "@/app/api/v1/experts/[id]/appraisals/[year]/route";
import { db } from "@/db";
import * as s from "@/db/schema";
import { seedDemoWorldInTx } from "@/db/seed/demo-world";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { renewExpert } from "@/lib/roster/renew-expert";
import { expectEqualByHand, yearOf } from "@/test/appraisal-figures";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createExpertActor } from "@/test/fixtures";
import { gradeExpert } from "./grade-expert";
import { commendedExperts, listAppraisals, ownAppraisals } from "./queries";
import { scorecards } from "./scorecard";

useTestDatabase();

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fields: error.options.fields };
    throw error;
  }
  throw new Error("expected a failure");
};

describe("the scorecard equals the record counted by hand", () => {
  beforeAll(async () => {
    await db.transaction((tx) => seedDemoWorldInTx(tx, "-"));
  }, 120_000);

  it("over the demo world, this year and last", async () => {
    const thisYear = yearOf(new Date())!;
    const totals = await expectEqualByHand([thisYear - 1, thisYear]);
    // The demo world has something to count in most kinds of figure (a test of zeros proves nothing).
    expect(totals.offersMade).toBeGreaterThan(0);
    expect(totals.casesResolved).toBeGreaterThan(0);
    expect(totals.recoveredFen).toBeGreaterThan(0);
    expect(totals.ratings).toBeGreaterThan(0);
    expect(totals.returnVisits).toBeGreaterThan(0);
  }, 120_000);

  it("seeds last year's grades: two commended, one incompetent, each with the scorecard as graded", async () => {
    const lastYear = yearOf(new Date())! - 1;
    const commended = await commendedExperts(lastYear);
    expect(commended).toHaveLength(2);
    expect(commended[0]!.comment).not.toBe("");
    const graded = await db.select().from(s.appraisals).where(eq(s.appraisals.year, lastYear));
    expect(graded.filter((a) => a.grade === "incompetent")).toHaveLength(1);
    const live = await scorecards(
      lastYear,
      graded.map((a) => a.expertId),
    );
    for (const a of graded) expect(a.figures).toEqual(live.get(a.expertId));
  });
});

describe("grading the year", () => {
  const when = new Date("2026-06-15T10:00:00+08:00");
  let zoneAdmin: Actor;
  let jiashanAdmin: Actor;
  let qingpuAdmin: Actor;
  let expert: Actor;
  beforeAll(async () => {
    setClock(when);
    zoneAdmin = await createAdminActor(null);
    jiashanAdmin = await createAdminActor("330421");
    qingpuAdmin = await createAdminActor("310118");
    // Appointed 2024-03-01 for three years: the term ends within a year of the clock, so it may be renewed.
    expert = await createExpertActor({ homeRegionCode: "330421102", termStart: "2024-03-01", name: "考核专家甲" });
  });
  afterAll(() => setClock(null));

  it("lets the district's admin (and an unscoped one) grade, refuses another district's and the expert (403)", async () => {
    expect(await failure(gradeExpert(qingpuAdmin, expert.expertId!, 2025, { grade: "competent", comment: "" }))).toMatchObject({ code: "forbidden" });
    expect(await failure(gradeExpert(expert, expert.expertId!, 2025, { grade: "competent", comment: "" }))).toMatchObject({ code: "forbidden" });
    await gradeExpert(jiashanAdmin, expert.expertId!, 2025, { grade: "competent", comment: "" });
    const saved = await gradeExpert(zoneAdmin, expert.expertId!, 2026, { grade: "basic", comment: "尚可" });
    expect(saved).toMatchObject({ grade: "basic", comment: "尚可", year: 2026 });
    expect(saved.figures).toEqual((await scorecards(2026, [expert.expertId!])).get(expert.expertId!));
  });

  it("refuses a future year and a year outside the expert's record (422)", async () => {
    expect(await failure(gradeExpert(jiashanAdmin, expert.expertId!, 2027, { grade: "competent", comment: "" }))).toEqual({
      code: "invalid_input",
      fields: { year: "appraisals.errors.futureYear" },
    });
    expect(await failure(gradeExpert(jiashanAdmin, expert.expertId!, 2022, { grade: "competent", comment: "" }))).toEqual({
      code: "invalid_input",
      fields: { year: "appraisals.errors.notServing" },
    });
  });

  it("replaces the grade when graded again, and keeps the old and the new on the audit trail", async () => {
    await gradeExpert(jiashanAdmin, expert.expertId!, 2025, { grade: "incompetent", comment: "多次超时未答复派单。" });
    const rows = await db
      .select()
      .from(s.appraisals)
      .where(and(eq(s.appraisals.expertId, expert.expertId!), eq(s.appraisals.year, 2025)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ grade: "incompetent", comment: "多次超时未答复派单。", gradedBy: jiashanAdmin.userId });
    const [event] = await db
      .select()
      .from(s.events)
      .where(and(eq(s.events.type, "expert.appraised"), eq(s.events.entityId, expert.expertId!)))
      .orderBy(desc(s.events.id))
      .limit(1);
    expect(event?.data).toEqual({ year: 2025, grade: "incompetent", previousGrade: "competent" });
  });

  it("tells the expert of each grade recorded or changed, with the comment; saving the same again tells nothing", async () => {
    const told = () =>
      db
        .select({ data: s.notifications.data })
        .from(s.notifications)
        .where(and(eq(s.notifications.userId, expert.userId), eq(s.notifications.kind, "expert.appraised")))
        .orderBy(desc(s.notifications.createdAt));
    const before = (await told()).length;
    expect(before).toBeGreaterThan(0);
    const [latest] = await told();
    expect(latest?.data).toEqual({ year: 2025, grade: "incompetent", reason: "多次超时未答复派单。" });
    await gradeExpert(jiashanAdmin, expert.expertId!, 2025, { grade: "incompetent", comment: "多次超时未答复派单。" });
    expect(await told()).toHaveLength(before);
  });

  it("blocks the renewal of an expert graded incompetent in the term without a reason, and allows it with one", async () => {
    expect(await failure(renewExpert(jiashanAdmin, expert.expertId!, { reason: "续聘", termYears: 3 }))).toEqual({
      code: "invalid_input",
      fields: { appraisalReason: "appraisals.errors.renewalReasonRequired" },
    });
    const renewed = await renewExpert(jiashanAdmin, expert.expertId!, {
      reason: "续聘",
      termYears: 3,
      appraisalReason: "已约谈整改，第二年表现明显改善。",
    });
    expect(renewed).toBeTruthy();
    const [event] = await db
      .select()
      .from(s.events)
      .where(and(eq(s.events.type, "expert.renewed"), eq(s.events.entityId, expert.expertId!)));
    expect(event?.data).toMatchObject({ incompetentYears: [2025], appraisalReason: "已约谈整改，第二年表现明显改善。" });
  });

  it("renews an expert without an incompetent grade with the usual reason only", async () => {
    const other = await createExpertActor({ homeRegionCode: "330421", termStart: "2024-03-01" });
    await gradeExpert(jiashanAdmin, other.expertId!, 2025, { grade: "excellent", comment: "表现突出。" });
    await expect(renewExpert(jiashanAdmin, other.expertId!, { reason: "续聘", termYears: 3 })).resolves.toBeTruthy();
  });

  it("answers the API: the district's list, the grade by PUT, 422 for a comment missing on 不称职", async () => {
    const list = await listRoute(
      new Request("http://localhost/api/v1/appraisals?year=2025", { headers: { authorization: `Bearer ${await bearerFor(qingpuAdmin)}` } }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: { expertId: string; district: string }[] };
    expect(body.items.every((i) => i.district === "310118")).toBe(true);
    expect(body.items.some((i) => i.expertId === expert.expertId)).toBe(false);

    const put = async (as: Actor, year: string, payload: unknown) =>
      gradeRoute(
        new Request(`http://localhost/api/v1/experts/${expert.expertId}/appraisals/${year}`, {
          method: "PUT",
          headers: { "content-type": "application/json", authorization: `Bearer ${await bearerFor(as)}` },
          body: JSON.stringify(payload),
        }),
        { params: Promise.resolve({ id: expert.expertId!, year }) },
      );
    expect((await put(qingpuAdmin, "2026", { grade: "competent", comment: "" })).status).toBe(403);
    expect((await put(expert, "2026", { grade: "competent", comment: "" })).status).toBe(403);
    expect((await put(jiashanAdmin, "2027", { grade: "competent", comment: "" })).status).toBe(422);
    expect((await put(jiashanAdmin, "2026", { grade: "incompetent", comment: "" })).status).toBe(422);
    const ok = await put(jiashanAdmin, "2026", { grade: "excellent", comment: "年度表现优秀。" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ grade: "excellent", year: 2026, figures: { offersMade: 0 } });
    expect((await commendedExperts(2026)).map((c) => c.id)).toContain(expert.expertId);

    const mine = await ownAppraisals(expert);
    expect(mine.map((m) => [m.year, m.grade])).toEqual([
      [2026, "excellent"],
      [2025, "incompetent"],
    ]);
    const jiashan = await listAppraisals(jiashanAdmin, { year: 2026 });
    expect(jiashan.find((i) => i.expertId === expert.expertId)).toMatchObject({ grade: "excellent", comment: "年度表现优秀。" });
  });
});
