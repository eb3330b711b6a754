// A person's 居民身份证号 (GB 11643-1999): 17 digits and a check character (0-9 or X).
//
// What the law allows us to keep (个人信息保护法: the minimum necessary): the number itself is
// never stored, logged, put in an event or a notification. We keep
// - a masked form for display (the first 6 and last 4 characters, "330421********1234"), shown only
//   to the case's admins and its assigned expert, and
// - a keyed digest, HMAC-SHA256 of the normalised number, to recognise the same person on a later
//   referral. The key is derived from the server secret (NEXTAUTH_SECRET, the one secret the app
//   holds) with a purpose label, so the digest differs from every other use of that secret and
//   cannot be reversed by hashing the (small) space of valid numbers without the secret. Rotating
//   the secret makes earlier digests unmatchable, which only loses the "same person" hint.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = "10X98765432";

/** Upper-case, without spaces; full-width digits and Ｘ folded to ASCII. */
export function normalizeIdNumber(raw: string): string {
  return raw.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

/** The check character GB 11643 gives the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdNumberProblem = "format" | "checkDigit";

/** Null when the (normalised) number is a well-formed 18-character number with a correct check character. */
export function idNumberProblem(normalized: string): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(normalized)) return "format";
  const birth = normalized.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll("-", "") !== birth) return "format";
  return idNumberCheckCharacter(normalized.slice(0, 17)) === normalized[17] ? null : "checkDigit";
}

/** "330421********1234": what is shown and stored for display. */
export function maskIdNumber(normalized: string): string {
  return `${normalized.slice(0, 6)}${"*".repeat(8)}${normalized.slice(-4)}`;
}
