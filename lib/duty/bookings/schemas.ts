import { z } from "zod";
import { phoneField, requiredText } from "@/lib/validation";
import { ADVICE_MAX, TOPIC_MAX } from "./fields";

// zod schemas of the booking use cases (约诊 on a duty session), shared by the API, the actions and the forms.

/** POST /api/v1/duty-sessions/:id/bookings and the booking form: what the consultation is about, and whom to call. */
export const bookSchema = z.object({
  topic: requiredText(TOPIC_MAX),
  contactName: requiredText(50),
  contactPhone: z.string({ error: "errors.field.required" }).pipe(phoneField),
});
export type BookInput = z.output<typeof bookSchema>;

/** The expert's short note of the advice given in one consultation. */
export const adviceNoteSchema = z.object({ note: requiredText(ADVICE_MAX) });

// The forms' and actions' inputs: the record they act on, plus the fields above.
export const onBooking = z.object({ bookingId: z.uuid("errors.notFound") });
export const onSession = z.object({ sessionId: z.uuid("errors.notFound") });
export const bookFormSchema = onSession.extend(bookSchema.shape);
export const adviceFormSchema = onBooking.extend(adviceNoteSchema.shape);
