/**
 * Money is integer fen (分) end to end. Amounts are bigint inside the domain and plain integers in
 * JSON (safe below 2^53). No floating point touches an amount: typed yuan is parsed as a string.
 */
export const MAX_SAFE_FEN = BigInt(Number.MAX_SAFE_INTEGER);

/** The most one amount may be (a claim, a sum at stake, one ledger entry): ¥10 billion. */
export const MAX_ENTRY_FEN = 1_000_000_000_000n;

export type ParseYuanResult = { ok: true; fen: bigint } | { ok: false; reason: "format" | "too_many_decimals" | "negative" | "too_large" };

const YUAN_PATTERN = /^(-)?(\d+)(?:\.(\d*))?$/;

/**
 * Parses what a person typed as yuan ("1,234.5", "¥ 12 345", "１２３.４５") into fen.
 * At most two decimals; negative only when allowed; never above 2^53 - 1 fen.
 */
export function parseYuan(input: string, options: { allowNegative?: boolean; allowZero?: boolean } = {}): ParseYuanResult {
  const cleaned = toHalfWidth(input)
    .trim()
    .replace(/^[¥￥]\s*/, "")
    .replace(/[,\s]/g, "")
    .replace(/元$/, "");
  const match = YUAN_PATTERN.exec(cleaned);
  if (!match || cleaned === "" || cleaned === "-") return { ok: false, reason: "format" };
  const [, minus, whole = "", decimals = ""] = match;
  if (decimals.length > 2) return { ok: false, reason: "too_many_decimals" };
  const fen = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, "0") || "0");
  const signed = minus ? -fen : fen;
  if (signed < 0n && !options.allowNegative) return { ok: false, reason: "negative" };
  if (signed === 0n && options.allowZero === false) return { ok: false, reason: "format" };
  if (signed > MAX_SAFE_FEN || signed < -MAX_SAFE_FEN) return { ok: false, reason: "too_large" };
  return { ok: true, fen: signed };
}

/** Fen as plain yuan with two decimals and no grouping ("1234.56"), for inputs and exports. */
export function fenToYuanString(fen: bigint | number): string {
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Fen as a display amount: "¥1,234.56" (negative as "-¥1,234.56"). */
export function formatFen(fen: bigint | number): string {
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}¥${whole}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Converts a bigint fen amount for JSON; the one place amounts leave the bigint world. */
export function fenToJson(fen: bigint): number {
  if (fen > MAX_SAFE_FEN || fen < -MAX_SAFE_FEN) throw new RangeError("amount exceeds the safe integer range");
  return Number(fen);
}

/** Full-width digits, letters and punctuation to their ASCII forms (ideographic space to space). */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}
