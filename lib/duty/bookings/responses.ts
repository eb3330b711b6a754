import { z } from "zod";
import { bookingStatuses } from "@/lib/enums";
import { id } from "@/lib/http/wire";

// The answers of the booking routes, as they are on the wire.

/** POST /api/v1/duty-sessions/:id/bookings. */
export const bookingCreatedResponse = z.strictObject({ id, status: z.literal("booked") });

/** POST /api/v1/bookings/:id/cancel and /attended: the booking and its new status. */
export const bookingStatusResponse = z.strictObject({ id, status: z.enum(bookingStatuses) });

/** POST /api/v1/bookings/:id/request: the request filed from the consultation. */
export const requestFromBookingResponse = z.strictObject({ requestId: id, caseNumber: z.string() });
