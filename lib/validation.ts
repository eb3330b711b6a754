import { z } from "zod";
import { checkCreditCode, type CreditCodeProblem } from "@/lib/credit-code";
import { AppError } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/keys";
import { MAX_ENTRY_FEN, parseYuan } from "@/lib/money";

// Shared field schemas. Messages are catalogue keys, translated where they are shown.

/** NUL, which PostgreSQL cannot store in text, and a UTF-16 surrogate without its pair, which UTF-8 cannot encode. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (text: string) => !UNSTORABLE.test(text);

/** The path ("counterparties.0.name") of the first key or string in a raw input that cannot be stored; null when all can. */
export function unstorableTextPath(value: unknown, path: readonly (string | number)[] = []): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : path.join(".") || "_";
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableTextPath(item, [...path, index]);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null && !(value instanceof Blob)) {
    for (const [key, item] of Object.entries(value)) {
      const found = isStorableText(key) ? unstorableTextPath(item, [...path, key]) : [...path, key].join(".");
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * 422 naming the field when any text of a raw input (body, query, path, form) cannot be stored.
 * The wrappers call it before parsing, so no schema can forget it.
 */
export function assertStorableText(value: unknown): void {
  const field = unstorableTextPath(value);
  if (field !== null) throw new AppError("invalid_input", "errors.invalidInput", { fields: { [field]: "errors.field.invalidCharacters" } });
}

/** A string that can be stored: for schemas read outside the wrappers too (a page's query string). */
export const storableString = (params?: { error: "errors.field.required" }) =>
  z.string(params).refine(isStorableText, "errors.field.invalidCharacters");

export const requiredText = (max = 200) =>
  storableString({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(max, "errors.field.tooLong");

export const optionalText = (max = 2000) =>
  storableString()
    .trim()
    .max(max, "errors.field.tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

export const emailField = z
  .string({ error: "errors.field.required" })
  .trim()
  .toLowerCase()
  .pipe(z.email("errors.field.email").max(254, "errors.field.tooLong"));

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

/** A calendar date as YYYY-MM-DD that exists (no 2026-13-45, no 2026-02-30). */
export const isCalendarDate = (value: string) => {
  // Year 0 has the same shape but no PostgreSQL date.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < "0001-01-01") return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

export const dateField = z.string().refine(isCalendarDate, "errors.field.date");

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const uuidParam = z.uuid();
