"use server";

import { z } from "zod";
import { action } from "@/lib/http/server-action";
import { closeFollowUp } from "@/lib/return-visits/close-follow-up";
import { closeFollowUpSchema } from "@/lib/return-visits/schemas";

const onFollowUp = z.object({ followUpId: z.uuid("errors.notFound") });

export const closeFollowUpAction = action(
  { permission: "request.returnVisit", input: onFollowUp.extend(closeFollowUpSchema.shape) },
  ({ actor, input }) => closeFollowUp(actor, input.followUpId, input.note),
);
