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
