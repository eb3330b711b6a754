// POST /api/v1/bookings/:id/attended - staff of the session's station, from the session's date on (earlier -> 409): the caller came; the first mark makes the session held -> { id, status: "attended" }
import { bookingStatusResponse } from "@/lib/duty/bookings/responses";
import { markAttendance } from "@/lib/duty/bookings/the-day";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute({ permission: "duty.attend", response: bookingStatusResponse }, ({ actor, params }) =>
  markAttendance(actor, params.id!, "attended"),
);
