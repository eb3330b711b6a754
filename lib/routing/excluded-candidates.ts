import type { DbOrTx } from "@/db";
import { firstInOrder } from "@/lib/first-in-order";
import { loadCandidateFacts } from "./candidate-rows";
import { exclusionOf, isListed } from "./exclusions";
import type { Reason } from "./reasons";
import type { RoutingSnapshot } from "./routing-snapshot";
import type { RoutingRequest } from "./types";

export interface ExcludedCandidate {
  expertId: string;
  name: string;
  why: Reason;
}

const byName = new Intl.Collator("zh-CN");

/**
 * The experts with a current appointment whom routing may not offer the request to, with why: by
 * reason code, then by name; the first `limit` of them, how many there are, and how many experts
 * the list has in all (ranked or excluded). The reasons and names come from the kept profiles
 * (exclusionOf, as ranking applies it), except for the few ruled out here (a conflict, an offer, a
 * skip, a panel seat), whose standing on the request is read from the database.
 */
export async function listExcluded(
  handle: DbOrTx,
  request: RoutingRequest,
  snapshot: RoutingSnapshot,
  today: string,
  limit: number,
): Promise<{ excluded: ExcludedCandidate[]; count: number; listed: number }> {
  const all: ExcludedCandidate[] = [];
  const ruledOut: string[] = [];
  let listed = 0;
  for (const kept of snapshot.table.profiles()) {
    const f = snapshot.own.get(kept.expertId) ?? kept;
    if (!isListed(f, today)) continue;
    listed++;
    if (snapshot.ruledOut.has(f.expertId)) ruledOut.push(f.expertId);
    else {
      const why = exclusionOf(request, f, today);
      if (why) all.push({ expertId: f.expertId, name: f.name, why });
    }
  }
  if (ruledOut.length) {
    for (const f of await loadCandidateFacts(handle, request, { kind: "some", expertIds: ruledOut }, today)) {
      const why = exclusionOf(request, f, today);
      if (why) all.push({ expertId: f.expertId, name: f.name, why });
    }
  }
  // the page only: at 10,000 experts thousands are excluded
  const excluded = firstInOrder(
    all,
    limit,
    (a, b) =>
      a.why.code.localeCompare(b.why.code) || byName.compare(a.name, b.name) || (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0),
  );
  return { excluded, count: all.length, listed };
}
