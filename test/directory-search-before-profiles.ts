import { and, arrayContains, asc, count, desc, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { experts, expertSpecialties, requests } from "@/db/schema";
import type { ServiceMode } from "@/lib/enums";
import type { DirectoryQuery } from "@/lib/roster/schemas";
import { directorySearch, foldedByQuery } from "@/lib/roster/search-sql";
import { servesRegion } from "@/lib/roster/serves-region";
import { outerExpertId } from "@/lib/roster/sql-refs";
import { hasCurrentAppointment } from "@/lib/roster/term";

// For tests and benchmarks only: the directory's page and count as they were before the order read
// the routing profiles' track record and the search read the stored folded text (migration 0038),
// kept verbatim: the text folded by the query, three correlated subqueries over each expert's
// requests, and the matches counted in a statement of their own. searchDirectory must list the same
// experts in the same order with the same figures and total (lib/roster/search-index.db.test.ts),
// and beat it (bench:search). Returns what the two can be compared on: no specialties or regions.

const casesResolved =
  sql<number>`(select count(*) from ${requests} where ${requests.assignedExpertId} = ${outerExpertId} and ${requests.status} in ('resolved', 'closed'))`.mapWith(
    Number,
  );
const ratingAverage = sql<
  number | null
>`(select round(avg(${requests.rating}), 1) from ${requests} where ${requests.assignedExpertId} = ${outerExpertId} and ${requests.status} = 'closed')`.mapWith(
  (v) => (v === null ? null : Number(v)),
);
const ratingCount =
  sql<number>`(select count(${requests.rating}) from ${requests} where ${requests.assignedExpertId} = ${outerExpertId} and ${requests.status} = 'closed')`.mapWith(
    Number,
  );

export async function searchDirectoryBeforeProfiles(query: DirectoryQuery) {
  const search = directorySearch(query.q, foldedByQuery);
  const conditions: SQL[] = [hasCurrentAppointment()];
  if (search) conditions.push(search.where);
  if (query.specialty) {
    conditions.push(
      sql`exists (select 1 from ${expertSpecialties} where ${expertSpecialties.expertId} = ${outerExpertId} and ${expertSpecialties.specialtyCode} = ${query.specialty})`,
    );
  }
  if (query.region) conditions.push(servesRegion(query.region));
  if (query.language) conditions.push(arrayContains(experts.languages, [query.language]));
  if (query.mode) conditions.push(arrayContains(experts.serviceModes, [query.mode as ServiceMode]));
  const where = and(...conditions);
  const order =
    query.sort === "years"
      ? [desc(experts.yearsOfPractice), desc(casesResolved)]
      : query.sort === "rating"
        ? [sql`${ratingAverage} desc nulls last`, desc(ratingCount), desc(casesResolved)]
        : [...(search ? [desc(search.score)] : []), desc(casesResolved), desc(experts.yearsOfPractice)];
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: experts.id, casesResolved, rating: ratingAverage, ratingCount })
      .from(experts)
      .where(where)
      .orderBy(...order, asc(experts.name), asc(experts.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(experts).where(where),
  ]);
  return { items: rows, total: total?.n ?? 0 };
}

/** What searchDirectory answers, cut to what searchDirectoryBeforeProfiles answers. */
export const comparableToBeforeProfiles = (result: {
  items: { id: string; casesResolved: number; rating: number | null; ratingCount: number }[];
  total: number;
}) => ({
  items: result.items.map(({ id, casesResolved, rating, ratingCount }) => ({ id, casesResolved, rating, ratingCount })),
  total: result.total,
});
