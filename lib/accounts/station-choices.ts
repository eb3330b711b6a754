import { asc, eq, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { stations } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { withinRegion } from "@/lib/regions/codes";

export interface StationChoice {
  id: string;
  name: string;
  regionCode: string;
  closed: boolean;
}

/**
 * Admins who create accounts: the stations of the admin's district (all for an unscoped admin),
 * closed ones marked, by region and name. For the station picker and the names in the account list.
 */
export async function stationChoices(actor: Actor | null): Promise<StationChoice[]> {
  const admin = requirePermission(actor, "user.list");
  return db
    .select({ id: stations.id, name: stations.name, regionCode: stations.regionCode, closed: sql<boolean>`${stations.closedAt} is not null` })
    .from(stations)
    .where(admin.regionScope === null ? sql`true` : withinRegion(stations.regionCode, admin.regionScope))
    .orderBy(asc(stations.regionCode), asc(stations.name));
}

/** A station new staff may join: its region and whether it is closed, held (FOR SHARE) until the transaction ends; null when there is none. */
export async function lockStation(tx: DbOrTx, stationId: string): Promise<{ regionCode: string; closed: boolean } | null> {
  const [station] = await tx
    .select({ regionCode: stations.regionCode, closed: sql<boolean>`${stations.closedAt} is not null` })
    .from(stations)
    .where(eq(stations.id, stationId))
    .for("share");
  return station ?? null;
}
