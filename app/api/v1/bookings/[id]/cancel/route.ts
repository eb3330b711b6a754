// POST /api/v1/bookings/:id/cancel - the booker, or staff of the session's station: frees the slot -> { id, status: "cancelled" }; not booked any more, or the day past -> 409
import { cancelBooking } from "@/lib/duty/bookings/cancel-booking";
import { bookingStatusResponse } from "@/lib/duty/bookings/responses";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute({ permission: "duty.book", response: bookingStatusResponse }, ({ actor, params }) => cancelBooking(actor, params.id!));
