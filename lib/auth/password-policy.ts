import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 10;

let common: Set<string> | undefined;

/**
 * Whether a password is among the commonest ones: the ~49,000 of zxcvbn-ts's common list (drawn
 * from leaked-password corpora), compared without regard to case.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((entry) => String(entry).toLowerCase()));
  return common.has(password.toLowerCase());
}

/**
 * Every password someone chooses (registration, application, set-password link, change): at least
 * 10 characters and not a common one. Kept out of lib/validation so the list never ships to a browser.
 */
export const newPasswordField = z
  .string({ error: "errors.field.required" })
  .min(MIN_PASSWORD_LENGTH, "errors.field.password")
  .max(200, "errors.field.tooLong")
  .refine((password) => !isCommonPassword(password), "errors.field.passwordCommon");
