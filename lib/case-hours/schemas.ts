import { z } from "zod";
import { dateField, optionalText } from "@/lib/validation";

// Hours an expert records on a case: whole half-hours, at most a day's worth in one entry.

/** One entry is at least half an hour and at most 24 hours, in half-hour steps. */
export const CASE_HOURS_STEP_MINUTES = 30;
export const CASE_HOURS_MAX_MINUTES = 24 * 60;

const minutesField = (message: "dutyFigures.errors.minutes" | "dutyFigures.errors.hours") =>
  z
    .number({ error: message })
    .int(message)
    .min(CASE_HOURS_STEP_MINUTES, message)
    .max(CASE_HOURS_MAX_MINUTES, message)
    .refine((m) => m % CASE_HOURS_STEP_MINUTES === 0, message);

const caseHoursFields = {
  workedOn: z.string({ error: "errors.field.date" }).pipe(dateField),
  note: optionalText(1000),
};

/** POST /api/v1/requests/{id}/hours: `{ workedOn, minutes, note? }`. */
export const recordCaseHoursSchema = z.strictObject({ ...caseHoursFields, minutes: minutesField("dutyFigures.errors.minutes") });
export type RecordCaseHoursInput = z.input<typeof recordCaseHoursSchema>;
export type CaseHoursEntry = z.output<typeof recordCaseHoursSchema>;

/** The case page's form: hours as typed ("1.5", "2"), in half-hour steps, made minutes. */
export const caseHoursFormSchema = z.object({
  ...caseHoursFields,
  hours: z
    .string({ error: "dutyFigures.errors.hours" })
    .trim()
    .regex(/^\d{1,2}([.,]\d+)?$/, "dutyFigures.errors.hours")
    .transform((v) => Number(v.replace(",", ".")) * 60)
    .pipe(minutesField("dutyFigures.errors.hours")),
});
