import { z } from "zod";
import { vettingChecks } from "@/lib/enums";
import { optionalText, requiredText } from "@/lib/validation";

/** An empty form field counts as not given. */
export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const formBoolean = z.preprocess(
  (v) => (v === "true" || v === "on" ? true : v === "false" ? false : v),
  z.boolean({ error: "errors.field.invalid" }),
);

/** Ticking (or unticking) one vetting checklist item. */
export const checkSchema = z.object({
  item: z.enum(vettingChecks, { error: "errors.field.invalid" }),
  checked: formBoolean.default(true),
  note: optionalText(300),
});
export type CheckInput = z.output<typeof checkSchema>;

export const termYearsField = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "roster.errors.termYears" })
    .int("roster.errors.termYears")
    .min(1, "roster.errors.termYears")
    .max(10, "roster.errors.termYears"),
);

/** The decision on an application (API contract: `{ approve, reason, termYears? }`). */
export const decisionSchema = z.object({
  approve: formBoolean,
  reason: requiredText(500),
  termYears: termYearsField.optional().transform((v) => v ?? 3),
});
export type DecisionInput = z.output<typeof decisionSchema>;

/** Suspend, reinstate, retire: the reason goes on the audit trail. */
export const reasonSchema = z.object({ reason: requiredText(500) });
export type ReasonInput = z.output<typeof reasonSchema>;

export const renewSchema = z.object({
  reason: requiredText(500),
  termYears: termYearsField.optional().transform((v) => v ?? 3),
  /** Why the expert is renewed despite a 不称职 (incompetent) appraisal in the term; required then (lib/appraisals/renewal.ts). */
  appraisalReason: optionalText(500),
});
export type RenewInput = Omit<z.output<typeof renewSchema>, "appraisalReason"> & { appraisalReason?: string };
