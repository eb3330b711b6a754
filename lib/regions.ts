import { like, or, eq, type SQL, type AnyColumn } from "drizzle-orm";

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
