"use server";

import { z } from "zod";
import { action } from "@/lib/http/server-action";
import { checkApplication } from "@/lib/roster/check-application";
import { decideApplication } from "@/lib/roster/decide-application";
import { checkSchema, decisionSchema } from "@/lib/roster/schemas";

const applicationId = z.uuid("errors.notFound");

export const checkApplicationAction = action(
  { permission: "application.check", input: checkSchema.extend({ applicationId }) },
  async ({ actor, input }) => {
    const { applicationId, ...check } = input;
    const result = await checkApplication(actor, applicationId, check);
    return { checks: result.checks.length };
  },
);

export const decideApplicationAction = action(
  { permission: "application.decide", input: decisionSchema.extend({ applicationId }) },
  async ({ actor, input }) => {
    const { applicationId, ...decision } = input;
    const expert = await decideApplication(actor, applicationId, decision);
    return { expertId: expert.id, status: expert.status, appointedUntil: expert.appointedUntil };
  },
);
