// POST /api/v1/bookings/:id/request - staff of the session's station, from the session's date on: files the consultation as the station's walk-in request (optional request fields; defaults from the booking) -> 201 { requestId }; earlier, or filed already -> 409
import { requestFromBooking } from "@/lib/duty/bookings/request-from-booking";
import { requestFromBookingResponse } from "@/lib/duty/bookings/responses";
import { requestFromBookingSchema } from "@/lib/duty/bookings/request-schemas";
import { apiRoute, created } from "@/lib/http/api-route";

export const POST = apiRoute(
  { permission: "duty.attend", body: requestFromBookingSchema, response: requestFromBookingResponse, status: 201 },
  async ({ actor, params, body }) => created(await requestFromBooking(actor, params.id!, body)),
);
