// POST /api/v1/duty-sessions/:id/bookings - a company member for their company, station staff for a caller at their own station: books a consultation -> 201 { id, status: "booked" }; no free slot, a past or unbookable session, or the same contact phone twice -> 409
import { bookConsultation } from "@/lib/duty/bookings/book-consultation";
import { bookingCreatedResponse } from "@/lib/duty/bookings/responses";
import { bookSchema } from "@/lib/duty/bookings/schemas";
import { apiRoute, created } from "@/lib/http/api-route";

export const POST = apiRoute(
  { permission: "duty.book", body: bookSchema, response: bookingCreatedResponse, status: 201 },
  async ({ actor, params, body }) => created(await bookConsultation(actor, params.id!, body)),
);
