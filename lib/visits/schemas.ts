import { z } from "zod";
import { companyVisitStatuses, requestCategories, urgencies } from "@/lib/enums";
import { dateField, optionalText, pageQuery, requiredText } from "@/lib/validation";
import { MAX_FINDINGS } from "./fields";

// zod schemas of the visit use cases (巡诊), shared by the API, the server actions and the forms.

/**
 * Planning a visit: the day (today or later, China time: checked by the use case) and the purpose.
 * An admin names the expert; an expert plans for themself (and may leave it out).
 */
export const planVisitSchema = z.object({
  expertId: z
    .union([z.literal(""), z.null(), z.uuid("errors.field.invalid")])
    .optional()
    .transform((v) => v || undefined),
  visitOn: dateField,
  purpose: requiredText(500),
});
export type PlanVisitInput = z.output<typeof planVisitSchema>;
/** The plan form: the same, with the company chosen on the page (the API names it in the path). */
export const planVisitFormSchema = planVisitSchema.extend({ enterpriseId: z.uuid("visits.errors.chooseCompany") });

/** Declining or cancelling a visit: the reason is required (the other side is told it). */
export const visitReasonSchema = z.object({ reason: requiredText(1000) });

/** A form's checkbox ("on") or the API's boolean. */
const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const findingSchema = z.object({
  finding: requiredText(2000),
  recommendation: optionalText(2000).transform((v) => v ?? ""),
  needsWork: checkbox,
});

/** The visit is done: what the expert found, each finding with its recommendation and whether it needs work. */
export const recordFindingsSchema = z.object({
  summary: requiredText(4000),
  findings: z.array(findingSchema).max(MAX_FINDINGS, "errors.field.tooLong").default([]),
});
export type RecordFindingsInput = z.output<typeof recordFindingsSchema>;

/**
 * Turning a finding that needs work into a request for the company: every field optional (title:
 * the finding; category: 法治体检; description: the finding and its recommendation; region: the company's).
 */
export const findingRequestSchema = z.object({
  title: optionalText(100),
  category: z
    .union([z.literal(""), z.enum(requestCategories, { error: "errors.field.invalid" })])
    .optional()
    .transform((v) => v || "compliance_checkup"),
  description: optionalText(5000),
  urgency: z.enum(urgencies, { error: "errors.field.invalid" }).default("normal"),
  regionCode: optionalText(12),
});
export type FindingRequestInput = z.output<typeof findingRequestSchema>;

/** GET /api/v1/visits: the caller's visits, the coming ones first; `status` keeps one status. */
export const visitListQuery = pageQuery.extend({
  status: z.enum(companyVisitStatuses, { error: "errors.field.invalid" }).optional(),
});
export type VisitListQuery = z.output<typeof visitListQuery>;
