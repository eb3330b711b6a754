import { z } from "zod";
import { dutyPeriods, type DutyPeriod } from "@/lib/enums";
import { dateField, optionalText, requiredText } from "@/lib/validation";
import { daysBetween } from "./dates";

// zod schemas of the rota (坐诊排班), shared by the API, the server actions and the forms.

/** A session takes 1 to 50 consultation slots (the table's check says the same). */
export const MAX_SLOTS = 50;
/** A recurring pattern: every 1 to 12 weeks… */
export const MAX_EVERY_WEEKS = 12;
/** …for at most a year from its first date… */
export const MAX_SERIES_DAYS = 366;
/** …and at most this many sessions, however often. */
export const MAX_SERIES_SESSIONS = 60;
/** What GET /api/v1/stations/{id}/duty-sessions shows without a range: eight weeks from today. */
export const DEFAULT_RANGE_DAYS = 56;
/** The longest range one list may cover. */
export const MAX_RANGE_DAYS = 366;
export const REASON_MAX = 500;

/** The half-days a session occupies (a whole day takes both): what duty_expert_halves holds. */
export const halvesOf = (period: DutyPeriod): ("am" | "pm")[] => (period === "day" ? ["am", "pm"] : [period]);

const wholeNumber = (message: "rota.errors.slots" | "rota.errors.everyWeeks", max: number) =>
  z.coerce.number({ error: message }).int(message).min(1, message).max(max, message);

/** A date picked in the form: empty says to choose one, anything else must be a real YYYY-MM-DD. */
const pickedDate = z.string({ error: "rota.errors.chooseDate" }).min(1, "rota.errors.chooseDate").pipe(dateField);

/** How many sessions a pattern makes before public holidays are skipped. */
export const occurrencesOf = (date: string, everyWeeks: number, until: string) => Math.floor(daysBetween(date, until) / (7 * everyWeeks)) + 1;

/**
 * POST /api/v1/stations/{id}/duty-sessions and the plan form: an expert, a date, a half-day or the
 * whole day, the slots, and optionally a pattern repeated every N weeks until a date (inclusive).
 */
export const planDutySchema = z
  .object({
    expertId: z.uuid("rota.errors.chooseExpert"),
    date: pickedDate,
    period: z.enum(dutyPeriods, { error: "rota.errors.period" }),
    slots: wholeNumber("rota.errors.slots", MAX_SLOTS),
    repeat: z
      .object({ everyWeeks: wholeNumber("rota.errors.everyWeeks", MAX_EVERY_WEEKS), until: pickedDate })
      .nullish()
      .transform((v) => v ?? undefined),
  })
  .superRefine((input, ctx) => {
    if (!input.repeat) return;
    const { everyWeeks, until } = input.repeat;
    const path = ["repeat", "until"];
    if (until < input.date) ctx.addIssue({ code: "custom", path, message: "rota.errors.untilBeforeDate" });
    else if (daysBetween(input.date, until) > MAX_SERIES_DAYS) ctx.addIssue({ code: "custom", path, message: "rota.errors.seriesTooLong" });
    else if (occurrencesOf(input.date, everyWeeks, until) > MAX_SERIES_SESSIONS)
      ctx.addIssue({ code: "custom", path, message: "rota.errors.seriesTooMany" });
  });
/** The rota's plan action and its form: the plan for the station it names. */
export const planStationDutySchema = z.intersection(z.object({ stationId: z.uuid("errors.notFound") }), planDutySchema);

type PlanOutput = z.output<typeof planDutySchema>;
export type PlanDutyInput = Omit<PlanOutput, "repeat"> & { repeat?: PlanOutput["repeat"] };

/** The expert's reason for declining (the planner reads it). */
export const declineDutySchema = z.object({ reason: requiredText(REASON_MAX) });

/** A planner's optional reason for cancelling (the expert and whoever booked read it). */
export const cancelDutySchema = z.object({ reason: optionalText(REASON_MAX) });

const optionalDate = dateField.optional().or(z.literal("").transform(() => undefined));

/**
 * GET /api/v1/stations/{id}/duty-sessions: `?from&to` (YYYY-MM-DD, both inclusive). Without them,
 * today to eight weeks on; `to` before `from`, or more than a year between them -> 422.
 */
export const dutyRangeQuery = z.object({ from: optionalDate, to: optionalDate }).superRefine((range, ctx) => {
  if (!range.from || !range.to) return;
  if (range.to < range.from) ctx.addIssue({ code: "custom", path: ["to"], message: "rota.errors.rangeOrder" });
  else if (daysBetween(range.from, range.to) > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "rota.errors.rangeTooLong" });
});
export type DutyRangeQuery = z.output<typeof dutyRangeQuery>;
