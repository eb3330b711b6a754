import { toHalfWidth } from "@/lib/money";

/** The 31 characters of a 统一社会信用代码 (GB 32100-2015): digits and letters without I O S V Z. */
export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem = "length" | "forbidden_letter" | "invalid_character" | "check_character";
export type CreditCodeResult = { ok: true; code: string } | { ok: false; problem: CreditCodeProblem };

/** Trims, upper-cases and folds full-width characters; spaces inside are removed too. */
export function normalizeCreditCode(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, "").toUpperCase();
}

/** The check character for the first 17 characters (which must be in the charset). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_CHARSET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Validates a 统一社会信用代码 and says precisely what is wrong with a bad one. */
export function checkCreditCode(input: string): CreditCodeResult {
  const code = normalizeCreditCode(input);
  if (code.length !== 18) return { ok: false, problem: "length" };
  for (const c of code) {
    if ("IOSVZ".includes(c)) return { ok: false, problem: "forbidden_letter" };
    if (!CREDIT_CODE_CHARSET.includes(c)) return { ok: false, problem: "invalid_character" };
  }
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) return { ok: false, problem: "check_character" };
  return { ok: true, code };
}
