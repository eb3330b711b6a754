import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { expertRegions, experts, expertSpecialties, regions, specialties } from "@/db/schema";
import { escapeLike, searchTerms, withSynonyms } from "@/lib/roster/search-text";
import { outerExpertId } from "@/lib/roster/sql-refs";

// For tests and benchmarks only: the directory's text search as it was before the gram index
// (migration 0034), kept verbatim: a LIKE scan of every expert. The indexed search must find exactly
// what this finds, in the same order (lib/roster/search-index.db.test.ts), and beat it (bench:search).

/** A column folded in SQL the way normalizeSearchText folds the query. */
const folded = (column: SQL | AnyColumn) => sql`lower(normalize(${column}, NFKC))`;

function anyLike(column: SQL | AnyColumn, words: string[]): SQL {
  return sql.join(
    words.map((w) => sql`${folded(column)} like ${`%${escapeLike(w)}%`} escape '\\'`),
    sql` or `,
  );
}

function specialtyLike(words: string[]): SQL {
  return sql`exists (select 1 from ${expertSpecialties} join ${specialties} on ${specialties.code} = ${expertSpecialties.specialtyCode}
    where ${expertSpecialties.expertId} = ${outerExpertId} and (${anyLike(specialties.nameZh, words)} or ${anyLike(specialties.nameEn, words)}))`;
}

/** A region the expert serves is called this (in either language), e.g. "Jiashan" or "青浦". */
function regionLike(words: string[]): SQL {
  return sql`exists (select 1 from ${expertRegions} join ${regions} on ${regions.code} = ${expertRegions.regionCode}
    where ${expertRegions.expertId} = ${outerExpertId} and (${anyLike(regions.nameZh, words)} or ${anyLike(regions.nameEn, words)}))`;
}

/** Weights of where a term was found: a name beats an organisation beats a specialty beats the bio. */
const WEIGHTS = { name: 8, organization: 4, specialty: 3, title: 2, region: 2, bio: 1 } as const;

/**
 * The directory's text search: every term (or a synonym of it) must appear in the name,
 * title, organisation, bio, a specialty's name or a served region's name; the score adds up where each term was found.
 * Returns null for an empty query.
 */
export function directorySearchBeforeIndex(query: string | undefined): { where: SQL; score: SQL<number> } | null {
  const terms = searchTerms(query);
  if (!terms.length) return null;
  const perTerm = terms.map((term) => {
    const words = withSynonyms(term);
    const hits = {
      name: anyLike(experts.name, words),
      organization: anyLike(experts.organization, words),
      title: anyLike(experts.title, words),
      bio: anyLike(experts.bio, words),
      specialty: specialtyLike(words),
      region: regionLike(words),
    };
    const where = sql`(${sql.join(
      Object.values(hits).map((h) => sql`(${h})`),
      sql` or `,
    )})`;
    const score = sql.join(
      (Object.keys(hits) as (keyof typeof hits)[]).map((k) => sql`(case when ${hits[k]} then ${sql.raw(String(WEIGHTS[k]))} else 0 end)`),
      sql` + `,
    );
    return { where, score };
  });
  return {
    where: sql.join(
      perTerm.map((p) => p.where),
      sql` and `,
    ),
    score: sql<number>`(${sql.join(
      perTerm.map((p) => sql`(${p.score})`),
      sql` + `,
    )})`.mapWith(Number),
  };
}
