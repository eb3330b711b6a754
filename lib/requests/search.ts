import { or, sql, type SQL } from "drizzle-orm";
import { requests } from "@/db/schema";
import { escapeLike, normalizeSearchText } from "@/lib/roster/search-text";

/**
 * A search box's text against the title (substring, folded as the directory folds it) and the case
 * number (substring, upper case; "JS-2026-123" also finds "JS-2026-00123").
 */
export function matchesTitleOrCaseNumber(text: string | null | undefined): SQL | undefined {
  const q = text ? normalizeSearchText(text) : "";
  if (!q) return undefined;
  const title = `%${escapeLike(q)}%`;
  const upper = q.toUpperCase().replace(/\s+/g, "");
  const conditions = [
    sql`lower(normalize(${requests.title}, NFKC)) like ${title} escape '\\'`,
    sql`${requests.caseNumber} like ${`%${escapeLike(upper)}%`} escape '\\'`,
  ];
  // The sequence read without its leading zeros: prefix, year and number.
  const spoken = /^([A-Z0-9]+)-(\d{4})-0*(\d+)$/.exec(upper);
  if (spoken) conditions.push(sql`${requests.caseNumber} ~ ${`^${spoken[1]}-${spoken[2]}-0*${spoken[3]}$`}`);
  return or(...conditions)!;
}
