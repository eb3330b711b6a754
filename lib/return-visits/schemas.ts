import { z } from "zod";
import { pageQuery, requiredText } from "@/lib/validation";

/**
 * GET /api/v1/return-visits and the worklist: `due=true` lists the closed cases due for a return
 * visit (none recorded yet); `due=false` or none lists every closed case with its due date and
 * whether it was visited.
 */
export const returnVisitListQuery = pageQuery.extend({
  due: z
    .enum(["true", "false"], { error: "errors.field.invalid" })
    .optional()
    .transform((v) => v === "true"),
});
export type ReturnVisitListQuery = z.output<typeof returnVisitListQuery>;

/** Closing a follow-up: what was done about the company's dissatisfaction (required). */
export const closeFollowUpSchema = z.object({ note: requiredText(2000) });
