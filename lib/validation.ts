import { z } from "zod";
import { checkCreditCode, type CreditCodeProblem } from "@/lib/credit-code";
import type { MessageKey } from "@/lib/i18n/keys";
import { MAX_ENTRY_FEN, parseYuan } from "@/lib/money";

// Shared field schemas. Messages are catalogue keys, translated where they are shown.

export const requiredText = (max = 200) =>
  z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(max, "errors.field.tooLong");

export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, "errors.field.tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

export const emailField = z
  .string({ error: "errors.field.required" })
  .trim()
  .toLowerCase()
  .pipe(z.email("errors.field.email").max(254, "errors.field.tooLong"));

export const passwordField = z.string({ error: "errors.field.required" }).min(10, "errors.field.password").max(200, "errors.field.tooLong");

export const phoneField = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, "errors.field.phone");

const creditCodeMessages: Record<CreditCodeProblem, MessageKey> = {
  length: "errors.field.creditCodeLength",
  forbidden_letter: "errors.field.creditCodeForbiddenLetter",
  invalid_character: "errors.field.creditCodeInvalidCharacter",
  check_character: "errors.field.creditCodeCheckCharacter",
};

/** A 统一社会信用代码, normalised (spaces, case, full-width), with a message saying what is wrong. */
export const creditCodeField = z.string({ error: "errors.field.required" }).transform((value, ctx) => {
  const result = checkCreditCode(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: creditCodeMessages[result.problem] });
    return z.NEVER;
  }
  return result.code;
});

export const optionalCreditCodeField = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v : undefined))
  .pipe(creditCodeField.optional());

/** Integer fen from the API: a non-negative integer, at most MAX_ENTRY_FEN (never a float, never yuan). */
export const fenField = z
  .number({ error: "errors.field.amountFormat" })
  .int("errors.field.amountFormat")
  .min(0, "errors.field.amountNegative")
  .max(Number(MAX_ENTRY_FEN), "errors.field.amountTooLarge");

/** Yuan as a person types it in a form ("12,345.67"), to bigint fen; at most MAX_ENTRY_FEN. */
export const yuanField = z.string({ error: "errors.field.required" }).transform((value, ctx) => {
  const result = parseYuan(value);
  if (!result.ok || result.fen > MAX_ENTRY_FEN) {
    const reason = result.ok ? "too_large" : result.reason;
    const message: MessageKey =
      reason === "too_many_decimals"
        ? "errors.field.amountDecimals"
        : reason === "negative"
          ? "errors.field.amountNegative"
          : reason === "too_large"
            ? "errors.field.amountTooLarge"
            : "errors.field.amountFormat";
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  }
  return result.fen;
});

export const dateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "errors.field.date");

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const uuidParam = z.uuid();
