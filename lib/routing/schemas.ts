import { z } from "zod";
import { declineReasons, offerStatuses } from "@/lib/enums";
import { optionalText, pageQuery, requiredText, storableString } from "@/lib/validation";

/** How many candidates the admin's list shows (ranked, and excluded) at first, and each "more" adds. */
export const CANDIDATES_SHOWN = 20;
/** The most it shows of each. */
export const CANDIDATES_MAX = 500;

/** The request page's `candidates` search parameter: how many candidates to show (anything else: the first page). */
export const candidatesShownParam = z.coerce.number().int().min(1).max(CANDIDATES_MAX).catch(CANDIDATES_SHOWN);

const weight = z.coerce
  .number({ error: "routing.errors.weight" })
  .int("routing.errors.weight")
  .min(0, "routing.errors.weight")
  .max(100, "routing.errors.weight");
const hours = z.coerce
  .number({ error: "routing.errors.hours" })
  .int("routing.errors.hours")
  .min(1, "routing.errors.hours")
  .max(720, "routing.errors.hours");

/** The routing weights (0-100 points each, at least one above 0) and the answer deadlines in hours. */
export const routingSettingsSchema = z
  .object({
    weights: z.object({ specialty: weight, region: weight, load: weight, languageMode: weight, trackRecord: weight, rotation: weight }),
    deadlines: z.object({ normalHours: hours, urgentHours: hours }),
  })
  .refine((s) => Object.values(s.weights).some((w) => w > 0), { message: "routing.errors.weightsAllZero", path: ["weights", "specialty"] })
  .refine((s) => s.deadlines.urgentHours <= s.deadlines.normalHours, { message: "routing.errors.urgentLonger", path: ["deadlines", "urgentHours"] });
export type RoutingSettings = z.infer<typeof routingSettingsSchema>;

/** POST /requests/:id/route: `{}` for the best candidate, `{ expertId }` to pin one. */
export const routeRequestSchema = z.object({ expertId: z.uuid("errors.field.invalid").optional() });
export type RouteRequestInput = z.infer<typeof routeRequestSchema>;

export const declineOfferSchema = z
  .object({
    reason: z.enum(declineReasons, { error: "routing.errors.declineReason" }),
    note: optionalText(1000),
  })
  .refine((v) => v.reason !== "other" || Boolean(v.note), { message: "routing.errors.noteRequired", path: ["note"] });
export type DeclineOfferInput = z.infer<typeof declineOfferSchema>;

/** Admin overrides: each carries the reason that goes on the audit trail. */
export const withdrawOfferSchema = z.object({ reason: requiredText(500), expertId: z.uuid("errors.field.invalid").optional() });
export type WithdrawOfferInput = z.infer<typeof withdrawOfferSchema>;

export const skipExpertSchema = z.object({ expertId: z.uuid("errors.field.invalid"), reason: requiredText(500) });
export type SkipExpertInput = z.infer<typeof skipExpertSchema>;

export const reassignSchema = z.object({ reason: requiredText(500), expertId: z.uuid("errors.field.invalid").optional() });
export type ReassignInput = z.infer<typeof reassignSchema>;

export const offerListQuery = pageQuery.extend({
  status: z.enum(offerStatuses, { error: "errors.field.invalid" }).optional(),
  /** Words of the request's title, or (part of) its case number. */
  q: z.preprocess((v) => (typeof v === "string" && !v.trim() ? undefined : v), storableString().trim().max(100, "errors.field.tooLong").optional()),
});
export type OfferListQuery = z.infer<typeof offerListQuery>;
