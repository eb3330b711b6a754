"use server";

import { recordAdvice } from "@/lib/duty/bookings/record-advice";
import { adviceFormSchema } from "@/lib/duty/bookings/schemas";
import { action } from "@/lib/http/server-action";

export const recordAdviceAction = action({ permission: "duty.answer", input: adviceFormSchema }, ({ actor, input }) =>
  recordAdvice(actor, input.bookingId, input.note),
);
