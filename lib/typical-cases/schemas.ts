import { z } from "zod";
import { optionalText, pageQuery, requiredText } from "@/lib/validation";

/** A checkbox on a form ("on"), or a boolean in JSON; absent means no. */
const consentField = z
  .union([z.boolean(), z.enum(["true", "on", "false", ""])], { error: "errors.field.invalid" })
  .optional()
  .transform((v) => v === true || v === "true" || v === "on");

/**
 * The text of a typical case and whether the company consented to be named. The figures are not
 * here: they are taken from the ledger, and anything sent for them is ignored.
 */
export const typicalCaseTextSchema = z.object({
  titleZh: requiredText(200),
  titleEn: optionalText(200),
  storyZh: requiredText(10000),
  storyEn: optionalText(10000),
  companyConsent: consentField,
});
export type TypicalCaseTextInput = Omit<z.output<typeof typicalCaseTextSchema>, "titleEn" | "storyEn"> & { titleEn?: string; storyEn?: string };

/** POST /api/v1/typical-cases and the draft form: a closed request's id, and the text. */
export const draftTypicalCaseSchema = typicalCaseTextSchema.extend({ requestId: z.uuid("errors.notFound") });
export type DraftTypicalCaseInput = TypicalCaseTextInput & { requestId: string };

/** GET /api/v1/typical-cases: the published ones, newest first. */
export const typicalCaseListQuery = pageQuery;
export type TypicalCaseListQuery = z.output<typeof typicalCaseListQuery>;
