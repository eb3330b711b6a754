"use server";

import { z } from "zod";
import { decideVerification } from "@/lib/companies/decide-verification";
import { verificationSchema } from "@/lib/companies/schemas";
import { action } from "@/lib/http/server-action";

export const decideVerificationAction = action(
  { permission: "enterprise.verify", input: verificationSchema.extend({ enterpriseId: z.uuid("errors.notFound") }) },
  async ({ actor, input }) => {
    const { enterpriseId, ...decision } = input;
    const result = await decideVerification(actor, enterpriseId, decision);
    return { verification: result.verification, requestsJoined: result.requestsJoined };
  },
);
