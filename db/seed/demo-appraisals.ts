import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Tx } from "@/db";
import * as s from "@/db/schema";
import { scorecards } from "@/lib/appraisals/scorecard";
import type { AppraisalGrade } from "@/lib/enums";

/**
 * Last year's annual appraisal (年度考核) for a handful of demo experts who served through it: two
 * graded 优秀 (the year's commended experts), one 不称职 (whose term ends soon, so renewing them
 * asks for a reason), the others 称职 and 基本称职. Graded by the demo's unscoped admin.
 */
export async function seedDemoAppraisals(tx: Tx, input: { now: Date; adminId: string }) {
  const year = Number(new Date(input.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;
  const served = await tx
    .select({ id: s.experts.id, termEnd: s.experts.termEnd })
    .from(s.experts)
    .innerJoin(s.users, eq(s.users.id, s.experts.userId))
    .where(and(eq(s.experts.status, "active"), lte(s.experts.termStart, `${year}-01-01`), gte(s.experts.termEnd, `${year + 1}-01-01`)))
    .orderBy(asc(s.experts.termEnd), asc(s.users.email));
  if (served.length < 5) return;
  // The one whose term ends first is graded 不称职: the renewal due soon meets the rule.
  const plan: [string, AppraisalGrade, string][] = [
    [served[0]!.id, "incompetent", "全年多次超时未答复派单，办结案件回访满意度偏低，年度考核评为不称职。"],
    [served[served.length - 1]!.id, "excellent", "全年及时响应派单，坐诊服务时长居全县前列，帮助企业追回欠款成效明显。"],
    [served[served.length - 2]!.id, "excellent", "耐心细致化解多起合同纠纷，企业回访满意度高。"],
    [served[1]!.id, "competent", ""],
    [served[2]!.id, "basic", "响应及时，但办结周期偏长，建议加强跟进。"],
  ];
  const figures = await scorecards(
    year,
    plan.map(([id]) => id),
    tx,
  );
  const gradedAt = new Date(`${year + 1}-01-20T10:00:00+08:00`);
  await tx.insert(s.appraisals).values(
    plan.map(([expertId, grade, comment]) => ({
      expertId,
      year,
      grade,
      comment,
      figures: figures.get(expertId)!,
      gradedBy: input.adminId,
      gradedAt,
    })),
  );
  await tx.insert(s.events).values(
    plan.map(([expertId, grade, comment]) => ({
      type: "expert.appraised",
      entityType: "expert",
      entityId: expertId,
      actorUserId: input.adminId,
      actorRole: "admin" as const,
      reason: comment || null,
      data: { year, grade },
      at: gradedAt,
    })),
  );
}
