import { requestReferrals } from "@/db/schema";

/** What a referral says about itself, as the case page and the reply letter read it. */
export const referralColumns = {
  body: requestReferrals.body,
  kind: requestReferrals.kind,
  contactName: requestReferrals.contactName,
  contactPhone: requestReferrals.contactPhone,
  reference: requestReferrals.reference,
  replyIssuedAt: requestReferrals.replyIssuedAt,
};
