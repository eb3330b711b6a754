// POST /api/v1/requests/:id/reply-letter/issue - admin of the request's district: the referral's reply letter (回复函) was issued -> 200 { issuedAt, alreadyIssued }; before the case is resolved or closed, 409
import { apiRoute } from "@/lib/http/api-route";
import { issueReplyLetter } from "@/lib/referrals/reply-letter";
import { replyLetterIssuedResponse } from "@/lib/referrals/responses";

export const POST = apiRoute({ permission: "referral.reply", response: replyLetterIssuedResponse }, async ({ actor, params }) =>
  issueReplyLetter(actor, params.id!),
);
