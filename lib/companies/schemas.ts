import { z } from "zod";
import { emailField, pageQuery, requiredText, storableString } from "@/lib/validation";

// Shared by the forms, the server actions and the API. Messages are catalogue keys.

const formBoolean = z.preprocess(
  (v) => (v === "true" || v === "on" ? true : v === "false" ? false : v),
  z.boolean({ error: "errors.field.invalid" }),
);

/** A colleague a member invites (API contract: `{ email, name }`). */
export const inviteMemberSchema = z.object({ email: emailField, name: requiredText(50) });
export type InviteMemberInput = z.output<typeof inviteMemberSchema>;

/** An admin's decision on a registration (API contract: `{ approve: boolean, reason }`). */
export const verificationSchema = z.object({ approve: formBoolean, reason: requiredText(500) });
export type VerificationInput = z.output<typeof verificationSchema>;

/** The admins' list of companies: a search over names and credit codes, paginated. */
export const enterpriseListQuery = pageQuery.extend({
  q: storableString()
    .trim()
    .max(100)
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type EnterpriseListQuery = z.output<typeof enterpriseListQuery>;
