import { sql } from "drizzle-orm";
import { db, rowsOf, type DbOrTx } from "@/db";
import { requirePermission, type Actor } from "@/lib/authz";
import { regionPrefix } from "@/lib/regions/codes";

export interface StationChoice {
  id: string;
  name: string;
  regionCode: string;
  closed: boolean;
}

// Whether a station is closed reads `closed_at` through to_jsonb, so this works before and after
// the stations.closed_at column exists (the stations work adds it); once it does, this can become
// a plain `stations.closedAt` column read.
const closedSql = sql`(to_jsonb(s) ->> 'closed_at') is not null`;

/**
 * Admins who create accounts: the stations of the admin's district (all for an unscoped admin),
 * closed ones marked, by region and name. For the station picker and the names in the account list.
 */
export async function stationChoices(actor: Actor | null): Promise<StationChoice[]> {
  const admin = requirePermission(actor, "user.list");
  const inDistrict = admin.regionScope === null ? sql`true` : sql`s.region_code like ${`${regionPrefix(admin.regionScope)}%`}`;
  return rowsOf<StationChoice>(
    await db.execute(
      sql`select s.id, s.name, s.region_code as "regionCode", ${closedSql} as closed from stations s where ${inDistrict} order by s.region_code, s.name`,
    ),
  );
}

/** A station new staff may join: its region and whether it is closed, held (FOR SHARE) until the transaction ends; null when there is none. */
export async function lockStation(tx: DbOrTx, stationId: string): Promise<{ regionCode: string; closed: boolean } | null> {
  const [station] = rowsOf<{ regionCode: string; closed: boolean }>(
    await tx.execute(sql`select s.region_code as "regionCode", ${closedSql} as closed from stations s where s.id = ${stationId} for share`),
  );
  return station ?? null;
}
