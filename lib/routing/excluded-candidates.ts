import type { DbOrTx } from "@/db";
import { firstInOrder } from "@/lib/first-in-order";
import { loadCandidateFacts } from "./candidate-rows";
import { exclusionOf, isListed } from "./exclusions";
import type { ProfileTable } from "./profile-table";
import type { Reason } from "./reasons";
import type { RoutingSnapshot } from "./routing-snapshot";
import { CANDIDATES_MAX } from "./schemas";
import type { CandidateFacts, RoutingRequest } from "./types";

export interface ExcludedCandidate {
  expertId: string;
  name: string;
  why: Reason;
}

const byName = new Intl.Collator("zh-CN");

/** The reason codes met so far in their order (as localeCompare sorts them), numbered: comparing two is then comparing numbers. */
const codeNumbers = new Map<string, number>();
function codeNumber(code: string): number {
  let n = codeNumbers.get(code);
  if (n === undefined) {
    const codes = [...codeNumbers.keys(), code].sort((a, b) => a.localeCompare(b));
    codeNumbers.clear();
    codes.forEach((c, i) => codeNumbers.set(c, i));
    n = codeNumbers.get(code)!;
  }
  return n;
}

/** The list's order: by reason code, then by name, then by id. */
const inListOrder = (a: ExcludedCandidate, b: ExcludedCandidate) =>
  (a.why.code === b.why.code ? 0 : codeNumber(a.why.code) - codeNumber(b.why.code)) ||
  byName.compare(a.name, b.name) ||
  (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0);

function excludedAs(request: RoutingRequest, f: CandidateFacts, today: string): ExcludedCandidate | null {
  const why = exclusionOf(request, f, today);
  return why ? { expertId: f.expertId, name: f.name, why } : null;
}

/**
 * The kept profiles' part of the list, before anything ruled out on the request itself: how many
 * are listed, how many of them are excluded, and the first LISTING_KEPT excluded in the list's
 * order. It depends only on the profiles, the day and the specialties asked for, so it is worked out
 * once for each and kept until a profile changes (the roster's tens of thousands are not walked and
 * sorted again for every look at a request's candidates).
 */
interface KeptListing {
  listed: number;
  count: number;
  first: ExcludedCandidate[];
}

/** Enough for the longest page with as many experts again ruled out on the request taken out of it. */
const LISTING_KEPT = 2 * CANDIDATES_MAX;
/** Listings kept per version of the profiles (one per day and set of specialties asked for). */
const LISTINGS_KEPT = 64;

const NONE_OWN: ReadonlyMap<string, CandidateFacts> = new Map();

const listings = new WeakMap<ProfileTable, { generation: number; byKey: Map<string, KeptListing> }>();

function keptListing(table: ProfileTable, request: RoutingRequest, today: string): KeptListing {
  // exclusionOf reads the request's specialties only when they are not the category's guess
  const asked = request.specialtiesFromCategory ? "" : [...request.specialties].sort().join(",");
  const key = `${today} ${asked}`;
  let kept = listings.get(table);
  if (!kept || kept.generation !== table.generation) {
    kept = { generation: table.generation, byKey: new Map() };
    listings.set(table, kept);
  }
  const found = kept.byKey.get(key);
  if (found) return found;
  const { listed, excluded } = walkRoster(table, NONE_OWN, request, today);
  const listing = { listed, count: excluded.length, first: firstInOrder(excluded, LISTING_KEPT, inListOrder) };
  if (kept.byKey.size >= LISTINGS_KEPT) kept.byKey.clear();
  kept.byKey.set(key, listing);
  return listing;
}

/**
 * The experts with a current appointment whom routing may not offer the request to, with why: by
 * reason code, then by name; the first `limit` of them, how many there are, and how many experts
 * the list has in all (ranked or excluded). The reasons and names come from the kept profiles
 * (exclusionOf, as ranking applies it; see KeptListing), except for the few ruled out here (a
 * conflict, an offer, a skip, a panel seat), whose standing on the request is read from the
 * database and takes the place of their kept profile's.
 */
export async function listExcluded(
  handle: DbOrTx,
  request: RoutingRequest,
  snapshot: RoutingSnapshot,
  today: string,
  limit: number,
): Promise<{ excluded: ExcludedCandidate[]; count: number; listed: number }> {
  // the caller's own uncommitted profiles: walk the roster with them in place, keep nothing
  const listing = snapshot.own.size ? walkWithOwn(snapshot, request, today) : keptListing(snapshot.table, request, today);
  const ruledOut: string[] = [];
  const taken = new Set<string>();
  for (const id of snapshot.ruledOut) {
    const kept = snapshot.table.profileOf(id);
    const f = kept && (snapshot.own.get(id) ?? kept);
    if (!f || !isListed(f, today)) continue;
    ruledOut.push(id);
    if (exclusionOf(request, f, today)) taken.add(id);
  }
  const rest = listing.first.filter((r) => !taken.has(r.expertId));
  // the kept page ran out before the page asked for: walk the roster again, ruled-out ones left out
  const ruledOutSet = new Set(ruledOut);
  const complete = listing.first.length === listing.count || rest.length >= limit;
  const others = complete ? rest : walkWithOwn(snapshot, request, today).first.filter((r) => !ruledOutSet.has(r.expertId));
  const here = ruledOut.length
    ? (await loadCandidateFacts(handle, request, { kind: "some", expertIds: ruledOut }, today)).flatMap((f) => excludedAs(request, f, today) ?? [])
    : [];
  return {
    excluded: firstInOrder([...others, ...here], limit, inListOrder),
    count: listing.count - taken.size + here.length,
    listed: listing.listed,
  };
}

/** How many experts the roster lists, and every listed expert's exclusion, `own` profiles in place of the kept ones. */
function walkRoster(table: ProfileTable, own: ReadonlyMap<string, CandidateFacts>, request: RoutingRequest, today: string) {
  let listed = 0;
  const excluded: ExcludedCandidate[] = [];
  for (const kept of table.profiles()) {
    const f = own.get(kept.expertId) ?? kept;
    if (!isListed(f, today)) continue;
    listed++;
    const row = excludedAs(request, f, today);
    if (row) excluded.push(row);
  }
  return { listed, excluded };
}

/** The whole list, unsorted, with the caller's own profiles in place of the kept ones (nothing kept). */
function walkWithOwn(snapshot: RoutingSnapshot, request: RoutingRequest, today: string): KeptListing {
  const { listed, excluded } = walkRoster(snapshot.table, snapshot.own, request, today);
  return { listed, count: excluded.length, first: excluded };
}
