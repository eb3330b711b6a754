import { and, eq, exists, inArray, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
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
      const offered = db
        .select({ one: sql`1` })
        .from(offers)
        .where(and(eq(offers.requestId, requests.id), eq(offers.expertId, actor.expertId), eq(offers.status, "pending")));
      const panel = db
        .select({ one: sql`1` })
        .from(panelMembers)
        .where(
          and(
            eq(panelMembers.requestId, requests.id),
            eq(panelMembers.expertId, actor.expertId),
            inArray(panelMembers.status, ["invited", "accepted"]),
          ),
        );
      return or(eq(requests.assignedExpertId, actor.expertId), exists(offered), exists(panel)) as SQL;
    }
    case "admin":
      return actor.regionScope ? withinRegion(requests.regionCode, actor.regionScope) : sql`true`;
  }
}
