/**
 * Directory search text. Chinese has no spaces between words, so a query is matched as
 * substrings ("嘉善" inside "浙江嘉善正道律师事务所") over text folded the same way on both sides:
 * NFKC (full-width letters and digits to half-width), lower case, runs of spaces collapsed.
 */
export function normalizeSearchText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

const MAX_TERMS = 5;
const MAX_TERM_LENGTH = 30;

/** The terms of a query: split on spaces and list punctuation, folded, de-duplicated, bounded. */
export function searchTerms(query: string | null | undefined): string[] {
  if (!query) return [];
  const terms = normalizeSearchText(query)
    .split(/[\s,，、;；]+/)
    .map((t) => t.slice(0, MAX_TERM_LENGTH))
    .filter((t) => t.length > 0);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** Escapes LIKE wildcards so a user's "%" or "_" matches itself (with ESCAPE '\'). */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Words people use for the same service: someone searching 催收 (dunning) wants the experts whose
 * profiles say 清收 or 追讨. Small on purpose; each group is matched as alternatives.
 */
const synonymGroups: readonly (readonly string[])[] = [
  ["催收", "清收", "追讨", "讨债", "追债", "追款"],
  ["调解", "调处"],
  ["电商", "电子商务"],
  ["律所", "律师事务所"],
];

/** The term and the words that mean the same to a searcher. */
export function withSynonyms(term: string): string[] {
  const group = synonymGroups.find((g) => g.includes(term));
  return group ? [term, ...group.filter((w) => w !== term)] : [term];
}
