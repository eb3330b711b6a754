import { like, or, eq, type SQL, type AnyColumn } from "drizzle-orm";

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

/** SQL: the column's region is `code` or one of its sub-regions. */
export function withinRegion(column: AnyColumn, code: string): SQL {
  return or(eq(column, code), like(column, `${regionPrefix(code)}%`)) as SQL;
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
