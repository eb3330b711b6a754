import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { expertRegions, experts, expertSpecialties, regions, specialties } from "@/db/schema";
import { escapeLike, normalizeSearchText, searchTerms, withSynonyms } from "./search-text";
import { outerExpertId } from "./sql-refs";

/** A column folded in SQL the way normalizeSearchText folds the query. */
const folded = (column: SQL | AnyColumn) => sql`lower(normalize(${column}, NFKC))`;

/** The folded text contains one of the words (LIKE's default escape is the backslash escapeLike uses). */
function foldedLike(text: SQL | AnyColumn, words: string[]): SQL {
  const patterns = words.map((w) => sql`${`%${escapeLike(w)}%`}`);
  return sql`${text} like any(array[${sql.join(patterns, sql`, `)}])`;
}

/** The column, folded here, contains one of the words. */
const anyLike = (column: SQL | AnyColumn, words: string[]) => foldedLike(folded(column), words);

/**
 * The expert has one of the taxonomy entries whose name (in either language) contains a word, e.g.
 * a served region "Jiashan" or "青浦". The matching codes are found once per query (an uncorrelated
 * sub-select), so each expert costs one look-up in its own links, not a scan of the names.
 */
function linkedNameLike(
  links: typeof expertSpecialties | typeof expertRegions,
  linkCode: AnyColumn,
  names: typeof specialties | typeof regions,
  words: string[],
): SQL {
  const codes = sql`array(select ${names.code} from ${names} where ${anyLike(names.nameZh, words)} or ${anyLike(names.nameEn, words)})`;
  return sql`exists (select 1 from ${links} where ${links.expertId} = ${outerExpertId} and ${linkCode} = any(${codes}))`;
}

const specialtyLike = (words: string[]) => linkedNameLike(expertSpecialties, expertSpecialties.specialtyCode, specialties, words);
const regionLike = (words: string[]) => linkedNameLike(expertRegions, expertRegions.regionCode, regions, words);

/**
 * The index's necessary condition for a word: the expert holds all of the word's grams (its pairs of
 * adjacent characters, or its one character), looked up in experts_search_grams_idx. The grams are
 * made by the same SQL functions as the stored ones (migration 0034), once per query (a sub-select:
 * a prepared statement's generic plan would otherwise call the function for every row it filters).
 * "ab" and "bc" are also in "abxbc", so the exact substring test still decides.
 */
const hasGramsOf = (word: string) => sql`${experts.searchGrams} @> (select search_term_grams(${word}))`;

/**
 * The expert's name contains the text (folded as the directory folds it), found through the gram
 * index; false for an empty text. For pickers that find an expert by name.
 */
export function expertNameContains(text: string): SQL {
  const folded = normalizeSearchText(text);
  if (!folded) return sql`false`;
  return sql`(${hasGramsOf(folded)} and ${experts.nameFolded} like ${`%${escapeLike(folded)}%`})`;
}

/** Weights of where a term was found: a name beats an organisation beats a specialty beats the bio. */
const WEIGHTS = { name: 8, organization: 4, specialty: 3, title: 2, region: 2, bio: 1 } as const;

/** The expert's own text, folded. */
type ExpertText = Record<"name" | "organization" | "title" | "bio", SQL | AnyColumn>;

/** As the columns of migration 0038 keep it: the same expression, computed on every write. */
const storedFoldedText: ExpertText = {
  name: experts.nameFolded,
  organization: experts.organizationFolded,
  title: experts.titleFolded,
  bio: experts.bioFolded,
};

/** Folded by each query (as before migration 0038): for tests and benchmarks that compare the two. */
export const foldedByQuery: ExpertText = {
  name: folded(experts.name),
  organization: folded(experts.organization),
  title: folded(experts.title),
  bio: folded(experts.bio),
};

/**
 * The directory's text search: every term (or a synonym of it) must appear in the name,
 * title, organisation, bio, a specialty's name or a served region's name; the score adds up where each term was found.
 * The gram index picks the experts to test. Returns null for an empty query. `text` replaces the
 * stored folded text only to compare with folding in the query (tests, benchmarks).
 */
export function directorySearch(query: string | undefined, text: ExpertText = storedFoldedText): { where: SQL; score: SQL<number> } | null {
  const terms = searchTerms(query);
  if (!terms.length) return null;
  const perTerm = terms.map((term) => {
    const words = withSynonyms(term);
    const hits = {
      name: foldedLike(text.name, words),
      organization: foldedLike(text.organization, words),
      title: foldedLike(text.title, words),
      bio: foldedLike(text.bio, words),
      specialty: specialtyLike(words),
      region: regionLike(words),
    };
    const exact = sql`(${sql.join(
      Object.values(hits).map((h) => sql`(${h})`),
      sql` or `,
    )})`;
    const where = sql`(${sql.join(words.map(hasGramsOf), sql` or `)}) and ${exact}`;
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
