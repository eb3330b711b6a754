"use server";

import { cancelBooking } from "@/lib/duty/bookings/cancel-booking";
import { onBooking } from "@/lib/duty/bookings/schemas";
import { action } from "@/lib/http/server-action";

export const cancelBookingAction = action({ permission: "duty.book", input: onBooking }, ({ actor, input }) => cancelBooking(actor, input.bookingId));
