/**
 * Practice licence numbers (执业证号). A lawyer's certificate number is 17 digits; mediators,
 * arbitrators and notaries carry certificates with letters too. Stored folded (half-width, upper
 * case, no spaces) so the same number typed twice is the same key for duplicates and re-imports.
 */
export function normalizeLicenceNumber(value: string): string {
  return value.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

export type LicenceProblem = "format" | "digits";

/** Why a (normalised) licence number is not acceptable, or null when it is. */
export function licenceProblem(normalized: string): LicenceProblem | null {
  if (!/^[0-9A-Z-]{6,30}$/.test(normalized)) return "format";
  if (/^\d+$/.test(normalized) && normalized.length !== 17) return "digits";
  return null;
}
