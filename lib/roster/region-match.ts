import { sql, type SQL } from "drizzle-orm";
import { expertRegions } from "@/db/schema";
import { withinRegion } from "@/lib/regions";
import { outerExpertId } from "./sql-refs";

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

/**
 * SQL: the expert serves `code`: one of their regions lies within it (a district includes its
 * towns) or contains it (an expert serving all of 嘉兴市 also serves 嘉善县).
 */
export function servesRegion(code: string): SQL {
  const ancestors = regionAncestors(code);
  const contains = ancestors.length
    ? sql` or ${expertRegions.regionCode} in (${sql.join(
        ancestors.map((a) => sql`${a}`),
        sql`, `,
      )})`
    : sql``;
  return sql`exists (select 1 from ${expertRegions} where ${expertRegions.expertId} = ${outerExpertId} and (${withinRegion(expertRegions.regionCode, code)}${contains}))`;
}
