import { eq, sql, type SQL } from "drizzle-orm";
import { offers, panelMembers, requests } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { withinRegion } from "@/lib/regions/codes";

/**
 * Which requests an actor may see, as SQL: an enterprise its company's, a station its filings,
 * an expert a request while an offer to them is pending and while it is assigned to them (not after
 * they declined, let the offer lapse, lost it to another or had it reassigned: their own offers stay
 * listed for them, with their status) and while they are invited onto or serve on its panel (会诊;
 * an invitee sees what an offer shows, lib/requests/access.ts), an admin their region scope.
 * Every read of requests goes through this; what it excludes is "not found".
 */
export function visibleRequests(actor: Actor): SQL {
  switch (actor.role) {
    case "enterprise":
      return actor.enterpriseId ? eq(requests.enterpriseId, actor.enterpriseId) : sql`false`;
    case "station":
      return actor.stationId ? eq(requests.stationId, actor.stationId) : sql`false`;
    case "expert": {
      if (!actor.expertId) return sql`false`;
      // One set of ids, found through the indexes of each (a semi-join on the primary key): an OR of
      // a column and look-ups per request would read every request of the zone.
      return sql`${requests.id} in (
        select r.id from ${requests} r where r.assigned_expert_id = ${actor.expertId}
        union all
        select o.request_id from ${offers} o where o.expert_id = ${actor.expertId} and o.status = 'pending'
        union all
        select p.request_id from ${panelMembers} p where p.expert_id = ${actor.expertId} and p.status in ('invited', 'accepted'))`;
    }
    case "admin":
      return actor.regionScope ? withinRegion(requests.regionCode, actor.regionScope) : sql`true`;
  }
}
