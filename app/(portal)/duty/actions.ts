"use server";

import { z } from "zod";
import { confirmDutySession, declineDutySession } from "@/lib/duty/answer-session";
import { declineDutySchema } from "@/lib/duty/schemas";
import { action } from "@/lib/http/server-action";

const onSession = z.object({ sessionId: z.uuid("errors.notFound") });

export const confirmDutyAction = action({ permission: "duty.answer", input: onSession }, ({ actor, input }) =>
  confirmDutySession(actor, input.sessionId),
);

export const declineDutyAction = action({ permission: "duty.answer", input: z.intersection(onSession, declineDutySchema) }, ({ actor, input }) =>
  declineDutySession(actor, input.sessionId, input.reason),
);
