import { z } from "zod";
import { permissions } from "@/lib/authz";
import { requiredText } from "@/lib/validation";

export const permissionNames = Object.keys(permissions) as [keyof typeof permissions, ...(keyof typeof permissions)[]];

/** An optional form value: blank ("", spaces: nothing chosen or typed) and null are absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v), schema.optional());

export const issueTokenSchema = z
  .object({
    name: requiredText(80),
    /** The account the token acts as: the issuing admin by default, or an integration account in its district. */
    userId: optional(z.uuid("errors.field.invalid")),
    /** The same, by e-mail. */
    userEmail: optional(z.string().trim().toLowerCase().max(320, "errors.field.tooLong")),
    /** Permissions the token is limited to; empty = everything the account may do. */
    scopes: z.array(z.enum(permissionNames, "errors.field.invalid")).max(50).default([]),
    /** Valid for that many days; no expiry when absent or left blank. */
    expiresInDays: optional(z.coerce.number().int().min(1, "errors.field.invalid").max(3650, "errors.field.invalid")),
  })
  .superRefine((value, ctx) => {
    if (value.userId && value.userEmail) ctx.addIssue({ code: "custom", path: ["userEmail"], message: "tokens.oneAccount" });
  });
export type IssueTokenInput = z.input<typeof issueTokenSchema>;
