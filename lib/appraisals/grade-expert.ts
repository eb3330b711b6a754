import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { appraisals, experts } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { clockSql } from "@/lib/clock";
import { invalidField } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { lockExpertInDistrict } from "@/lib/roster/district";
import { currentYear, servedInYear } from "./queries";
import type { GradeInput } from "./schemas";
import { scorecards } from "./scorecard";

/**
 * PUT /api/v1/experts/{id}/appraisals/{year}: an admin of the expert's district (or an unscoped
 * one) records the year's grade and comment. 404 unknown expert, 403 another district's, 422 a
 * future year or a year the expert did not serve in. Grading again replaces the grade; the
 * scorecard as it stands is stored with it, and the audit trail keeps the old and the new grade
 * ("expert.appraised"), and the expert is told when the grade or comment changed. The expert's row lock serialises two admins grading at once.
 */
export async function gradeExpert(actor: Actor | null, expertId: string, year: number, input: GradeInput) {
  const admin = requirePermission(actor, "appraisal.grade");
  if (year > currentYear()) throw invalidField("year", "appraisals.errors.futureYear");
  return db.transaction(async (tx) => {
    const expert = await lockExpertInDistrict(tx, admin, "appraisal.grade", expertId);
    const [served] = await tx
      .select({ id: experts.id })
      .from(experts)
      .where(and(eq(experts.id, expertId), servedInYear(year)));
    if (!served) throw invalidField("year", "appraisals.errors.notServing");
    const figures = (await scorecards(year, [expertId], tx)).get(expertId)!;
    const [previous] = await tx
      .select({ grade: appraisals.grade, comment: appraisals.comment })
      .from(appraisals)
      .where(and(eq(appraisals.expertId, expertId), eq(appraisals.year, year)));
    const [saved] = await tx
      .insert(appraisals)
      .values({ expertId, year, grade: input.grade, comment: input.comment, figures, gradedBy: admin.userId, gradedAt: clockSql() })
      .onConflictDoUpdate({
        target: [appraisals.expertId, appraisals.year],
        set: { grade: input.grade, comment: input.comment, figures, gradedBy: admin.userId, gradedAt: clockSql() },
      })
      .returning({ grade: appraisals.grade, comment: appraisals.comment, gradedAt: appraisals.gradedAt });
    await recordEvent(tx, admin, {
      type: "expert.appraised",
      entityType: "expert",
      entityId: expertId,
      reason: input.comment || undefined,
      data: { year, grade: input.grade, ...(previous ? { previousGrade: previous.grade } : {}) },
    });
    if (previous?.grade !== input.grade || previous.comment !== input.comment)
      await notify(tx, {
        userIds: [expert.userId],
        kind: "expert.appraised",
        data: { year, grade: input.grade, reason: input.comment || undefined },
      });
    return { expertId, year, grade: saved!.grade, comment: saved!.comment, gradedAt: saved!.gradedAt, figures };
  });
}
