import { z } from "zod";
import { requestCategories, serviceModes, urgencies } from "@/lib/enums";
import { counterpartySchema, MAX_COUNTERPARTIES, MAX_SPECIALTIES, requestLanguages, walkInSchema } from "@/lib/requests/schemas";
import { fenField, phoneField, requiredText } from "@/lib/validation";

// zod schemas of the booking use cases (约诊 on a duty session), shared by the API, the actions and the forms.

export const TOPIC_MAX = 100;
export const ADVICE_MAX = 2000;

/** POST /api/v1/duty-sessions/:id/bookings and the booking form: what the consultation is about, and whom to call. */
export const bookSchema = z.object({
  topic: requiredText(TOPIC_MAX),
  contactName: requiredText(50),
  contactPhone: z.string({ error: "errors.field.required" }).pipe(phoneField),
});
export type BookInput = z.output<typeof bookSchema>;

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

/** The expert's short note of the advice given in one consultation. */
export const adviceNoteSchema = z.object({ note: requiredText(ADVICE_MAX) });

// The forms' and actions' inputs: the record they act on, plus the fields above.
export const onBooking = z.object({ bookingId: z.uuid("errors.notFound") });
export const onSession = z.object({ sessionId: z.uuid("errors.notFound") });
export const bookFormSchema = onSession.extend(bookSchema.shape);
export const adviceFormSchema = onBooking.extend(adviceNoteSchema.shape);
/** The one-step form of the day: a title and a category may be changed; everything else takes its default. */
export const requestFromBookingFormSchema = onBooking.extend({
  title: requestFromBookingSchema.shape.title,
  category: requestFromBookingSchema.shape.category,
  description: requestFromBookingSchema.shape.description,
});
