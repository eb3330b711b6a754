import { z } from "zod";
import { permissions } from "@/lib/authz";
import { requiredText } from "@/lib/validation";

export const permissionNames = Object.keys(permissions) as [keyof typeof permissions, ...(keyof typeof permissions)[]];

export const issueTokenSchema = z.object({
  name: requiredText(80),
  /** The account the token acts as; the issuing admin by default. */
  userEmail: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => v || undefined),
  /** Permissions the token is limited to; empty = everything the account may do. */
  scopes: z.array(z.enum(permissionNames, "errors.field.invalid")).max(50).default([]),
  expiresInDays: z.coerce.number().int().min(1, "errors.field.invalid").max(3650, "errors.field.invalid").optional(),
});
export type IssueTokenInput = z.input<typeof issueTokenSchema>;
