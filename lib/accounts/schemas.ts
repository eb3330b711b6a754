import { z } from "zod";
import { creditCodeField, emailField, passwordField, phoneField, requiredText } from "@/lib/validation";

export const registerEnterpriseSchema = z.object({
  companyName: requiredText(100),
  creditCode: creditCodeField,
  contactName: requiredText(50),
  email: emailField,
  password: passwordField,
  phone: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .pipe(phoneField.optional()),
});
export type RegisterEnterpriseInput = z.input<typeof registerEnterpriseSchema>;

export const forgotPasswordSchema = z.object({ email: emailField });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

/** A new password from a set-password link: the registration rules, typed twice. */
export const setPasswordSchema = z
  .object({
    token: z.string().trim().max(200),
    password: passwordField,
    confirm: z.string({ error: "errors.field.required" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "errors.field.passwordMismatch" });
export type SetPasswordInput = z.input<typeof setPasswordSchema>;
