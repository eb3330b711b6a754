import { z } from "zod";
import { appraisalGrades } from "@/lib/enums";
import { storableString } from "@/lib/validation";

/** Years an appraisal may name (the roster's first terms began long after 2000). */
export const yearField = z.coerce
  .number({ error: "appraisals.errors.year" })
  .int("appraisals.errors.year")
  .min(2000, "appraisals.errors.year")
  .max(2100, "appraisals.errors.year");

/** GET /api/v1/appraisals and /admin/appraisals: `year` (this year by default), `district` to narrow. */
export const appraisalsQuerySchema = z.object({
  year: yearField.optional(),
  district: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "errors.field.unknownRegion")
    .optional(),
  format: z.enum(["json", "xlsx"]).default("json"),
});
export type AppraisalsQuery = z.output<typeof appraisalsQuerySchema>;

/** PUT /api/v1/experts/{id}/appraisals/{year}: the grade and the admins' comment (required for 优秀 and 不称职). */
const gradeFields = z.object({
  grade: z.enum(appraisalGrades, "appraisals.errors.grade"),
  comment: storableString().trim().max(1000, "errors.field.tooLong").default(""),
});

function commentWhereRequired(v: { grade: string; comment: string }, ctx: z.RefinementCtx) {
  if ((v.grade === "excellent" || v.grade === "incompetent") && !v.comment)
    ctx.addIssue({ code: "custom", path: ["comment"], message: "appraisals.errors.commentRequired" });
}

export const gradeSchema = gradeFields.superRefine(commentWhereRequired);
export type GradeInput = z.output<typeof gradeSchema>;

/** The grade form on /admin/appraisals: the same, with the expert and the year. */
export const gradeFormSchema = gradeFields.extend({ expertId: z.uuid("errors.notFound"), year: yearField }).superRefine(commentWhereRequired);
