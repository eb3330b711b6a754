import { z } from "zod";
import { timestamp } from "@/lib/http/wire";

// The answers of the referral routes, as they are on the wire.

export const replyLetterIssuedResponse = z.strictObject({
  /** When the letter was first marked issued (a repeat answers the first time). */
  issuedAt: timestamp,
  /** True when it had been marked issued before this call. */
  alreadyIssued: z.boolean(),
});
