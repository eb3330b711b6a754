import { todayInShanghai } from "@/lib/clock";
import { commendedExperts } from "@/lib/appraisals/queries";
import { listRegions, listSpecialties } from "@/lib/reference-data/queries";
import { activeExpertsByCounty, getImpactFigures, getPublicStats } from "@/lib/reports/public-stats";
import { searchDirectory } from "@/lib/roster/queries/experts";
import { directoryQuerySchema, type DirectoryQuery } from "@/lib/roster/schemas";
import { listPublishedTypicalCases } from "@/lib/typical-cases/queries";
import type { TypicalCaseListQuery } from "@/lib/typical-cases/schemas";
import { publicCached } from "./cached";
import { publicTags } from "./tags";

// Public data, the same for every visitor, cached under the tags that expire it. Whatever depends
// on "today" (a current appointment) takes the day as an argument, so it is its own entry per day.

export const cachedSpecialties = publicCached(() => listSpecialties(), "specialties", [publicTags.specialties]);

export const cachedRegions = publicCached(() => listRegions(), "regions", [publicTags.regions]);

// The count of active experts is its own entry: a filing moves the figures (report_rollups) but not
// the roster, so the figures are summed again and the roster is not counted again.
const activeExpertsOfDay = publicCached((_day: string) => activeExpertsByCounty(), "active-experts", [publicTags.activeExperts]);
const activeExpertsToday = () => activeExpertsOfDay(todayInShanghai());

const statsOfDay = publicCached((_day: string) => getPublicStats(activeExpertsToday), "stats", [publicTags.stats]);
export const cachedPublicStats = () => statsOfDay(todayInShanghai());

const impactOfDay = publicCached((_day: string) => getImpactFigures(activeExpertsToday), "impact", [publicTags.stats]);
export const cachedImpactFigures = () => impactOfDay(todayInShanghai());

const unfiltered = directoryQuerySchema.parse({});
const firstPageOfDay = publicCached((_day: string, pageSize: number) => searchDirectory({ ...unfiltered, pageSize }), "directory-first-page", [
  publicTags.directory,
]);

// A search or a filter: the same page for every visitor who asks it. A search that matches half the
// roster scores every expert it matches (lib/roster/search-sql.ts), so the common ones are answered
// from here until the roster or a track record changes.
const filteredOfDay = publicCached((_day: string, query: DirectoryQuery) => searchDirectory(query), "directory-filtered", [publicTags.directory]);

/**
 * The directory: its first page without filters and every searched or filtered page come from the
 * cache; a later page or another order of the unfiltered directory from the database, with its count
 * from the cached first page.
 */
export function directoryPage(query: DirectoryQuery) {
  const isUnfiltered = !query.q && !query.specialty && !query.region && !query.language && !query.mode;
  if (!isUnfiltered) return filteredOfDay(todayInShanghai(), query);
  const firstPage = firstPageOfDay(todayInShanghai(), query.pageSize);
  if (query.sort === unfiltered.sort && query.page === 1) return firstPage;
  return searchDirectory(query, { knownTotal: firstPage.then((page) => page.total) });
}

const typicalCasesPage = publicCached((query: TypicalCaseListQuery) => listPublishedTypicalCases(query), "typical-cases", [publicTags.typicalCases]);
/** The published typical cases: the first page from the cache. */
export const cachedTypicalCases = (query: TypicalCaseListQuery) => (query.page === 1 ? typicalCasesPage(query) : listPublishedTypicalCases(query));

export const cachedCommendedExperts = publicCached((year: number) => commendedExperts(year), "commended", [publicTags.commended]);
