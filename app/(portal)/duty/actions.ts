"use server";

import { z } from "zod";
import { confirmDutySession, confirmDutySessions, declineDutySession } from "@/lib/duty/answer-session";
import { declineDutySchema } from "@/lib/duty/schemas";
import { action } from "@/lib/http/server-action";

const onSession = z.object({ sessionId: z.uuid("errors.notFound") });

export const confirmDutyAction = action({ permission: "duty.answer", input: onSession }, ({ actor, input }) =>
  confirmDutySession(actor, input.sessionId),
);

export const declineDutyAction = action({ permission: "duty.answer", input: z.intersection(onSession, declineDutySchema) }, ({ actor, input }) =>
  declineDutySession(actor, input.sessionId, input.reason),
);

/** Every session awaiting the expert's answer on their page, confirmed in one step. */
export const confirmAllDutyAction = action(
  { permission: "duty.answer", input: z.object({ sessionIds: z.array(z.uuid("errors.notFound")).min(1).max(200) }) },
  ({ actor, input }) => confirmDutySessions(actor, input.sessionIds),
);
