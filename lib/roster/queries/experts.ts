import { and, arrayContains, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { expertConflicts, expertRegions, expertRoutingProfiles, experts, expertSpecialties, offers, requests, users } from "@/db/schema";
import type { ServiceMode } from "@/lib/enums";
import { can, type Actor } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { todayInShanghai } from "@/lib/clock";
import { uuidParam } from "@/lib/validation";
import { ACTIVE_CASE_STATUSES } from "@/lib/requests/state-machine";
import { servesRegion } from "../serves-region";
import type { DirectoryQuery } from "../schemas";
import { directorySearch } from "../search-sql";
import { expertStanding } from "../standing";
import { hasCurrentAppointment } from "../term";
import { outerExpertId } from "../sql-refs";

// Track record, as aggregates only: how many cases the expert brought to resolution and the
// enterprises' average rating of closed cases. No request content ever leaves through here. The
// figures are the ones the expert's routing profile keeps (exact, by triggers in the same
// transaction as every write to requests; every expert has one from its first write), so ordering
// by them reads one row per expert instead of counting its requests, and the directory's orders are
// indexes on the profiles (migration 0050). A rating is given only when a case is closed (and closed
// is final), so the profile's ratings are the closed cases' ratings.
const profile = expertRoutingProfiles;
const ratingAverage = sql<number | null>`round(${profile.ratingSum}::numeric / nullif(${profile.ratingCount}, 0), 1)`.mapWith((v) =>
  v === null ? null : Number(v),
);
const withTrackRecord = eq(profile.expertId, experts.id);

/** The columns anyone may see of an expert with a current appointment. */
const publicColumns = {
  id: experts.id,
  name: experts.name,
  title: experts.title,
  organization: experts.organization,
  homeRegionCode: experts.homeRegionCode,
  yearsOfPractice: experts.yearsOfPractice,
  bio: experts.bio,
  languages: experts.languages,
  serviceModes: experts.serviceModes,
  termStart: experts.termStart,
  termEnd: experts.termEnd,
  casesResolved: profile.casesResolved,
  rating: ratingAverage,
  ratingCount: profile.ratingCount,
};

async function taxonomyOf(expertIds: string[]) {
  if (!expertIds.length) return { specialties: new Map<string, string[]>(), regions: new Map<string, string[]>() };
  const [s, r] = await Promise.all([
    db
      .select({ expertId: expertSpecialties.expertId, code: expertSpecialties.specialtyCode })
      .from(expertSpecialties)
      .where(inArray(expertSpecialties.expertId, expertIds)),
    db
      .select({ expertId: expertRegions.expertId, code: expertRegions.regionCode })
      .from(expertRegions)
      .where(inArray(expertRegions.expertId, expertIds))
      .orderBy(asc(expertRegions.regionCode)),
  ]);
  const group = (rows: { expertId: string; code: string }[]) => {
    const map = new Map<string, string[]>();
    for (const row of rows) map.set(row.expertId, [...(map.get(row.expertId) ?? []), row.code]);
    return map;
  };
  return { specialties: group(s), regions: group(r) };
}

/**
 * The public directory: experts with a current appointment only (expiry on the end date needs no
 * step: the condition is evaluated against today's date in Asia/Shanghai), filtered, sorted and paged.
 * The conditions and orders are on the routing profile's copies of the expert's columns, so each
 * order is an index (migration 0050) read up to the page's last row. `knownTotal` is the count of the
 * unfiltered directory when the caller has it (the cached first page's, read alongside the page), so
 * that query is not counted again. `textSearch` replaces the text search only to compare it with
 * another (tests, benchmarks).
 */
export async function searchDirectory(
  query: DirectoryQuery,
  { textSearch = directorySearch, knownTotal }: { textSearch?: typeof directorySearch; knownTotal?: Promise<number> } = {},
) {
  const search = textSearch(query.q);
  const conditions: SQL[] = [hasCurrentAppointment(todayInShanghai(), profile)];
  if (search) conditions.push(search.where);
  if (query.specialty) conditions.push(arrayContains(profile.specialties, [query.specialty]));
  if (query.region) conditions.push(servesRegion(query.region));
  if (query.language) conditions.push(arrayContains(profile.languages, [query.language]));
  if (query.mode) conditions.push(arrayContains(profile.serviceModes, [query.mode as ServiceMode]));
  const where = and(...conditions);
  const unfiltered = conditions.length === 1;
  // Each order ends in name and id, and is one of the indexes of migration 0050 (a text search's
  // relevance order is not: it scores every expert the gram index returns).
  const order =
    query.sort === "years"
      ? [desc(profile.yearsOfPractice), desc(profile.casesResolved)]
      : query.sort === "rating"
        ? [sql`${ratingAverage} desc nulls last`, desc(profile.ratingCount), desc(profile.casesResolved)]
        : [...(search ? [desc(search.score)] : []), desc(profile.casesResolved), desc(profile.yearsOfPractice)];
  // A text search tests every expert the gram index returns (the relevance order needs each one's
  // score), so counting them in the same statement costs nothing more. Without one, the page is read
  // in order and counted apart (unless the count is known); so is a page past the end, which has no
  // row to carry the count.
  const counted = search ? sql<number>`count(*) over ()`.mapWith(Number) : sql<null>`null`;
  // Only the text search and the region filter look at the expert's own tables; without them the
  // profiles alone are counted.
  const countAll = async () => {
    if (unfiltered && knownTotal !== undefined) return knownTotal;
    const counting = db.select({ n: count() });
    const [row] = await (search || query.region ? counting.from(experts).innerJoin(profile, withTrackRecord) : counting.from(profile)).where(where);
    return row?.n ?? 0;
  };
  const [found, countedApart] = await Promise.all([
    db
      .select({ ...publicColumns, total: counted })
      .from(experts)
      .innerJoin(profile, withTrackRecord)
      .where(where)
      .orderBy(...order, asc(profile.name), asc(profile.expertId))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    search ? null : countAll(),
  ]);
  const rows = found.map(({ total: _, ...row }) => row);
  const total = countedApart ?? found[0]?.total ?? (query.page > 1 ? await countAll() : 0);
  const taxonomy = await taxonomyOf(rows.map((r) => r.id));
  const items = rows.map((row) => ({
    ...row,
    appointedUntil: row.termEnd,
    specialties: taxonomy.specialties.get(row.id) ?? [],
    regions: taxonomy.regions.get(row.id) ?? [],
  }));
  return { items, page: query.page, pageSize: query.pageSize, total };
}
export type DirectoryItem = Awaited<ReturnType<typeof searchDirectory>>["items"][number];

/** The public profile of an expert with a current appointment, or null. */
export async function getPublicProfile(expertId: string) {
  if (!uuidParam.safeParse(expertId).success) return null;
  const [row] = await db
    .select(publicColumns)
    .from(experts)
    .innerJoin(profile, withTrackRecord)
    .where(and(eq(experts.id, expertId), hasCurrentAppointment()));
  if (!row) return null;
  const taxonomy = await taxonomyOf([row.id]);
  return { ...row, appointedUntil: row.termEnd, specialties: taxonomy.specialties.get(row.id) ?? [], regions: taxonomy.regions.get(row.id) ?? [] };
}
export type PublicProfile = NonNullable<Awaited<ReturnType<typeof getPublicProfile>>>;

/** Whether the actor may read this expert's private fields (the expert themself, or an admin). */
export function canReadPrivate(actor: Actor | null, expertId: string): boolean {
  if (!actor) return false;
  return can(actor.role, "expert.readAny") || (can(actor.role, "expert.readPrivate") && actor.expertId === expertId);
}

/**
 * An expert's profile for the caller: anyone sees the public profile of a current expert; the
 * expert themself and admins see any status, with the private fields (licence, phone, e-mail,
 * capacity, availability, conflicts). Anything else is 404.
 */
export async function getExpertProfileFor(actor: Actor | null, expertId: string) {
  if (!canReadPrivate(actor, expertId)) {
    const profile = await getPublicProfile(expertId);
    if (!profile) throw notFound();
    return profile;
  }
  if (!uuidParam.safeParse(expertId).success) throw notFound();
  const [row] = await db
    .select({
      ...publicColumns,
      status: experts.status,
      licenseNumber: experts.licenseNumber,
      phone: experts.phone,
      email: users.email,
      capacity: experts.capacity,
      pausedUntil: experts.pausedUntil,
      notifyByEmail: users.emailNotifications,
      activeCases:
        sql<number>`(select count(*) from ${requests} where ${requests.assignedExpertId} = ${outerExpertId} and ${inArray(requests.status, [...ACTIVE_CASE_STATUSES])})`.mapWith(
          Number,
        ),
    })
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .innerJoin(profile, withTrackRecord)
    .where(eq(experts.id, expertId));
  if (!row) throw notFound();
  const [taxonomy, conflicts] = await Promise.all([
    taxonomyOf([row.id]),
    db
      .select({
        id: expertConflicts.id,
        companyName: expertConflicts.companyName,
        creditCode: expertConflicts.creditCode,
        note: expertConflicts.note,
        createdAt: expertConflicts.createdAt,
      })
      .from(expertConflicts)
      .where(eq(expertConflicts.expertId, expertId))
      .orderBy(asc(expertConflicts.createdAt)),
  ]);
  const standing = expertStanding(row, todayInShanghai());
  return {
    ...row,
    standing,
    appointedUntil: standing === "active" || standing === "paused" ? row.termEnd : null,
    specialties: taxonomy.specialties.get(row.id) ?? [],
    regions: taxonomy.regions.get(row.id) ?? [],
    conflicts,
  };
}
export type PrivateProfile = Extract<Awaited<ReturnType<typeof getExpertProfileFor>>, { licenseNumber: string }>;

/** The signed-in expert's own load, capacity, term and pending offers. */
export async function getOwnExpertSummary(actor: Actor) {
  if (!actor.expertId) return null;
  const [[expert], [active], [pending]] = await Promise.all([
    db.select({ capacity: experts.capacity, termEnd: experts.termEnd, status: experts.status }).from(experts).where(eq(experts.id, actor.expertId)),
    db
      .select({ n: count() })
      .from(requests)
      .where(and(eq(requests.assignedExpertId, actor.expertId), inArray(requests.status, ACTIVE_CASE_STATUSES))),
    db
      .select({ n: count() })
      .from(offers)
      .where(and(eq(offers.expertId, actor.expertId), eq(offers.status, "pending"))),
  ]);
  if (!expert) return null;
  return { ...expert, activeCases: active?.n ?? 0, pendingOffers: pending?.n ?? 0 };
}
