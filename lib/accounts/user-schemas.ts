import { z } from "zod";
import { emailPreferences, userRoles } from "@/lib/enums";
import { locales } from "@/lib/i18n/locales";
import { emailField, optionalText, pageQuery, phoneField, requiredText, storableString } from "@/lib/validation";

// The accounts an admin manages, and one's own account settings. Free of the password policy, so a
// browser form may check its input with them.

/** An empty form field counts as not given. */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A JSON boolean, or a form's checkbox ("on" when ticked, absent when not). */
const checkbox = z.preprocess((v) => (v === "on" || v === "true" ? true : v === "false" ? false : v), z.boolean({ error: "errors.field.invalid" }));

/** The roles an admin creates accounts for; companies register themselves and experts come through the roster. */
export const creatableRoles = ["admin", "station"] as const;

/** `POST /api/v1/users`: a station's staff (stationId) or an admin (regionScope: a district; none: the whole zone). */
export const createUserSchema = z
  .object({
    email: emailField,
    name: requiredText(50),
    role: z.enum(creatableRoles, { error: "errors.field.invalid" }),
    regionScope: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^\d{6}(\d{3})?$/, "errors.field.unknownRegion")
        .optional(),
    ),
    stationId: z.preprocess(blankToUndefined, z.uuid("accounts.errors.unknownStation").optional()),
    /** A partner system's account: no invitation, no password, only API tokens. */
    integration: checkbox.default(false),
  })
  .superRefine((v, ctx) => {
    if (v.role === "station" && !v.stationId) ctx.addIssue({ code: "custom", path: ["stationId"], message: "accounts.errors.stationRequired" });
    if (v.role === "station" && v.regionScope) ctx.addIssue({ code: "custom", path: ["regionScope"], message: "accounts.errors.regionForAdmins" });
    if (v.role === "admin" && v.stationId) ctx.addIssue({ code: "custom", path: ["stationId"], message: "accounts.errors.stationForStaff" });
  });
export type CreateUserInput = z.output<typeof createUserSchema>;

/** `GET /api/v1/users`: filters role and q (name or e-mail), paginated. */
export const userListQuerySchema = pageQuery.extend({
  role: z.preprocess(blankToUndefined, z.enum(userRoles, { error: "errors.field.invalid" }).optional()),
  q: z.preprocess(blankToUndefined, storableString().trim().max(100, "errors.field.tooLong").optional()),
});
export type UserListQuery = z.output<typeof userListQuerySchema>;

/** Disabling or enabling an account: the reason is optional, and goes on the audit trail. */
export const accountStateSchema = z.object({ reason: optionalText(500) });
export type AccountStateInput = z.output<typeof accountStateSchema>;

/**
 * One's own account settings. A field left out stays as it is: an expert's name and phone are on
 * their profile (the name is vetted), so their form sends neither. A blank phone clears it.
 */
export const updateAccountSchema = z.object({
  name: requiredText(50).optional(),
  phone: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : v.trim() || null))
    .pipe(phoneField.nullable().optional()),
  emailNotifications: z.enum(emailPreferences, { error: "errors.field.invalid" }),
  locale: z.enum(locales, { error: "errors.field.invalid" }),
});
export type UpdateAccountInput = z.output<typeof updateAccountSchema>;
