"use server";

import { requestFromBooking } from "@/lib/duty/bookings/request-from-booking";
import { requestFromBookingFormSchema } from "@/lib/duty/bookings/request-schemas";
import { onBooking, onSession } from "@/lib/duty/bookings/schemas";
import { markAttendance, markSessionHeld } from "@/lib/duty/bookings/the-day";
import { action } from "@/lib/http/server-action";

export const markAttendedAction = action({ permission: "duty.attend", input: onBooking }, ({ actor, input }) =>
  markAttendance(actor, input.bookingId, "attended"),
);

export const markNoShowAction = action({ permission: "duty.attend", input: onBooking }, ({ actor, input }) =>
  markAttendance(actor, input.bookingId, "no_show"),
);

export const markSessionHeldAction = action({ permission: "duty.attend", input: onSession }, ({ actor, input }) =>
  markSessionHeld(actor, input.sessionId),
);

export const requestFromBookingAction = action({ permission: "duty.attend", input: requestFromBookingFormSchema }, ({ actor, input }) =>
  requestFromBooking(actor, input.bookingId, { title: input.title, category: input.category, description: input.description }),
);
