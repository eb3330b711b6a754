import { sql, type SQL } from "drizzle-orm";
import { expertRegions } from "@/db/schema";
import { regionAncestors, withinRegion } from "@/lib/regions/codes";
import { outerExpertId } from "./sql-refs";

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
