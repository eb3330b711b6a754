"use server";

import { bookConsultation } from "@/lib/duty/bookings/book-consultation";
import { bookFormSchema } from "@/lib/duty/bookings/schemas";
import { action } from "@/lib/http/server-action";

export const bookAction = action({ permission: "duty.book", input: bookFormSchema }, ({ actor, input }) =>
  bookConsultation(actor, input.sessionId, { topic: input.topic, contactName: input.contactName, contactPhone: input.contactPhone }),
);
