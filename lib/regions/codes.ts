import { and, eq, gte, like, lt, or, sql, type AnyColumn, type SQL } from "drizzle-orm";

/** The county (6 digits) of a county or town code (GB/T 2260): 330421102 -> 330421. */
export const countyOf = (code: string) => code.slice(0, 6);
/** The province's two digits: 330421 -> 33. */
export const provinceOf = (code: string) => code.slice(0, 2);

/**
 * The code prefix that every sub-region of a GB/T 2260 code shares: 330000 -> "33" (province),
 * 330400 -> "3304" (city), 330421 -> "330421" (county and its 9-digit towns).
 */
export function regionPrefix(code: string): string {
  if (code.length === 6) {
    if (code.endsWith("0000")) return code.slice(0, 2);
    if (code.endsWith("00")) return code.slice(0, 4);
  }
  return code;
}

/** Whether `code` is `ancestor` or lies within it. */
export function isWithinRegion(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(regionPrefix(ancestor));
}

/**
 * The least digit string above every string that starts with `prefix` (digits): the prefix with its
 * last digit below 9 raised by one and the rest cut ("3309" -> "331"); null for "99…".
 */
export function digitsAfter(prefix: string): string | null {
  for (let i = prefix.length - 1; i >= 0; i--) if (prefix[i] !== "9") return prefix.slice(0, i) + String(Number(prefix[i]) + 1);
  return null;
}

/**
 * SQL: the column's region is `code` or one of its sub-regions. Codes are digits, so this is the
 * range [prefix, digitsAfter(prefix)), which a btree index on the column serves (a LIKE pattern is
 * not, outside the C collation); digit strings sort the same in every collation.
 */
export function withinRegion(regionColumn: AnyColumn | SQL, code: string): SQL {
  const column = sql`${regionColumn}`;
  const prefix = regionPrefix(code);
  if (!/^\d+$/.test(prefix)) return or(eq(column, code), like(column, `${prefix}%`)) as SQL;
  const after = digitsAfter(prefix);
  return (after === null ? gte(column, prefix) : and(gte(column, prefix), lt(column, after))) as SQL;
}

/** The regions that contain `code` (GB/T 2260): 330421102 -> 330421, 330400, 330000. */
export function regionAncestors(code: string): string[] {
  const out: string[] = [];
  let county = code;
  if (code.length === 9) {
    county = code.slice(0, 6);
    out.push(county);
  }
  if (county.length !== 6) return out;
  if (!county.endsWith("00")) out.push(`${county.slice(0, 4)}00`);
  if (!county.endsWith("0000")) out.push(`${county.slice(0, 2)}0000`);
  return out;
}
