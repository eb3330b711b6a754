"use server";

import { z } from "zod";
import { action } from "@/lib/http/server-action";
import { issueReplyLetter } from "@/lib/referrals/reply-letter";

export const issueReplyLetterAction = action(
  { permission: "referral.reply", input: z.object({ requestId: z.uuid("errors.notFound") }) },
  async ({ actor, input }) => {
    const issued = await issueReplyLetter(actor, input.requestId);
    return { alreadyIssued: issued.alreadyIssued };
  },
);
