import type { DbOrTx } from "@/db";
import { firstInOrder } from "@/lib/first-in-order";
import { expertNames, loadCandidateFacts } from "./candidate-rows";
import { exclusionOf, isListed } from "./exclusions";
import type { Reason } from "./reasons";
import type { RoutingSnapshot } from "./routing-snapshot";
import type { RoutingRequest } from "./types";

export interface ExcludedCandidate {
  expertId: string;
  name: string | null;
  why: Reason;
}

const byName = new Intl.Collator("zh-CN");

/**
 * The experts with a current appointment whom routing may not offer the request to, with why: by
 * reason code, then by name; the first `limit` of them, how many there are, and how many experts
 * the list has in all (ranked or excluded). The reasons come
 * from the kept profiles (exclusionOf, as ranking applies it), except for the few ruled out here
 * (a conflict, an offer, a skip, a panel seat), whose standing on the request is read from the
 * database. Names are read only for the reasons the page reaches, in one statement with those of
 * `alsoNamed` (the ranked ones shown), whose names come back in `names`.
 */
export async function listExcluded(
  handle: DbOrTx,
  request: RoutingRequest,
  snapshot: RoutingSnapshot,
  today: string,
  limit: number,
  alsoNamed: string[] = [],
): Promise<{ excluded: ExcludedCandidate[]; count: number; listed: number; names: ReadonlyMap<string, string | null> }> {
  // By reason code: the page needs the first reasons whole, and the rest only counted.
  const byCode = new Map<string, ExcludedCandidate[]>();
  const add = (c: ExcludedCandidate) => {
    const same = byCode.get(c.why.code);
    if (same) same.push(c);
    else byCode.set(c.why.code, [c]);
  };
  let count = 0;
  const ruledOut: string[] = [];
  let listed = 0;
  for (const kept of snapshot.table.profiles()) {
    const f = snapshot.own.get(kept.expertId) ?? kept;
    if (!isListed(f, today)) continue;
    listed++;
    if (snapshot.ruledOut.has(f.expertId)) ruledOut.push(f.expertId);
    else {
      const why = exclusionOf(request, f, today);
      if (why) add({ expertId: f.expertId, name: null, why });
    }
  }
  const named = new Map<string, string | null>();
  if (ruledOut.length) {
    for (const f of await loadCandidateFacts(handle, request, { kind: "some", expertIds: ruledOut }, today)) {
      const why = exclusionOf(request, f, today);
      if (why) add({ expertId: f.expertId, name: f.name, why });
      named.set(f.expertId, f.name);
    }
  }
  // Every reason up to the one the page ends in, whole, so the names order it as they would the full list.
  const reached: ExcludedCandidate[] = [];
  for (const code of [...byCode.keys()].sort((a, b) => a.localeCompare(b))) {
    const same = byCode.get(code)!;
    if (reached.length < limit) for (const c of same) reached.push(c);
    count += same.length;
  }
  const names = await expertNames(handle, [...alsoNamed, ...reached.filter((c) => !named.has(c.expertId)).map((c) => c.expertId)]);
  for (const [id, name] of names) named.set(id, name);
  for (const c of reached) c.name = named.get(c.expertId) ?? null;
  // the page only: at 10,000 experts the reason a page ends in can hold thousands of them
  const excluded = firstInOrder(
    reached,
    limit,
    (a, b) =>
      a.why.code.localeCompare(b.why.code) ||
      byName.compare(a.name ?? "", b.name ?? "") ||
      (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0),
  );
  return { excluded, count, listed, names };
}
