"use server";

import { z } from "zod";
import { recordCaseHours } from "@/lib/case-hours/record-case-hours";
import { caseHoursFormSchema } from "@/lib/case-hours/schemas";
import { action } from "@/lib/http/server-action";

const onRequest = z.object({ requestId: z.uuid("errors.notFound") });

/** The case page's "record hours" form: the assigned expert only (lib/case-hours/record-case-hours.ts decides). */
export const recordCaseHoursAction = action(
  { permission: "caseHours.write", input: onRequest.extend(caseHoursFormSchema.shape) },
  ({ actor, input }) => recordCaseHours(actor, input.requestId, { workedOn: input.workedOn, minutes: input.hours, note: input.note }),
);
