import { z } from "zod";
import { requestCategories, serviceModes, urgencies } from "@/lib/enums";
import { counterpartySchema, MAX_COUNTERPARTIES, MAX_SPECIALTIES, requestLanguages, walkInSchema } from "@/lib/requests/schemas";
import { fenField, requiredText } from "@/lib/validation";
import { onBooking } from "./schemas";

// The request a consultation becomes (POST /api/v1/bookings/:id/request and the day's form).

/** A form's blank control ("") means "not given": the default applies. */
const blankAsAbsent = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "errors.field.invalid" });

/**
 * POST /api/v1/bookings/:id/request: any field of a request may be given; each one left out takes
 * its default (title = the topic, category consultation, region = the station's, the walk-in
 * from the booking's contact, or the booking's company).
 */
export const requestFromBookingSchema = z.object({
  title: blankAsAbsent(requiredText(100)),
  category: blankAsAbsent(choice(requestCategories)),
  specialties: z.array(z.string().trim().min(1).max(40)).max(MAX_SPECIALTIES, "errors.field.tooLong").optional(),
  description: blankAsAbsent(requiredText(5000)),
  counterparties: z.array(counterpartySchema).max(MAX_COUNTERPARTIES, "errors.field.tooLong").optional(),
  urgency: blankAsAbsent(choice(urgencies)),
  regionCode: blankAsAbsent(requiredText(12)),
  language: blankAsAbsent(choice(requestLanguages)),
  serviceMode: blankAsAbsent(choice(serviceModes)),
  amountAtStakeFen: fenField.optional(),
  enterprise: walkInSchema.optional(),
});
export type RequestFromBookingInput = z.output<typeof requestFromBookingSchema>;

/** The one-step form of the day: the title, category and description may be changed; everything else takes its default. */
export const requestFromBookingFormSchema = onBooking.extend({
  title: requestFromBookingSchema.shape.title,
  category: requestFromBookingSchema.shape.category,
  description: requestFromBookingSchema.shape.description,
});
