import { z } from "zod";
import { newPasswordField } from "@/lib/auth/password-policy";
import { optionalPrivacyConsentField, privacyConsentField } from "@/lib/privacy/notice";
import { creditCodeField, emailField, phoneField, requiredText } from "@/lib/validation";

export const registerEnterpriseSchema = z.object({
  companyName: requiredText(100),
  creditCode: creditCodeField,
  contactName: requiredText(50),
  email: emailField,
  password: newPasswordField,
  phone: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .pipe(phoneField.optional()),
  privacyConsent: optionalPrivacyConsentField,
});
export type RegisterEnterpriseInput = z.input<typeof registerEnterpriseSchema>;

/** The registration page's form: the same, with consent to the privacy notice required. */
export const registerEnterpriseFormSchema = registerEnterpriseSchema.extend({ privacyConsent: privacyConsentField });

export const forgotPasswordSchema = z.object({ email: emailField });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

/** A new password from a set-password link: the registration rules, typed twice. */
export const setPasswordSchema = z
  .object({
    token: z.string().trim().max(200),
    password: newPasswordField,
    confirm: z.string({ error: "errors.field.required" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "errors.field.passwordMismatch" });
export type SetPasswordInput = z.input<typeof setPasswordSchema>;

/** A signed-in user's new password: the current one to prove it is them, and the new one by the rules. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "errors.field.required" }).min(1, "errors.field.required").max(200, "errors.field.tooLong"),
    newPassword: newPasswordField,
  })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "errors.field.passwordUnchanged" });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
