import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { regions } from "@/db/schema";
import { invalidField } from "@/lib/errors";
import { isWithinRegion } from "@/lib/regions/codes";
import { ZONE_COUNTIES } from "@/lib/regions/zone";

/**
 * Throws 422 on `regionCode` unless the code is a region on record within one of the zone's three
 * counties: the stations page lists them by the zone's districts, and only those have admins.
 */
export async function checkStationRegion(tx: DbOrTx, regionCode: string): Promise<void> {
  const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, regionCode));
  if (!region) throw invalidField("regionCode", "errors.field.unknownRegion");
  if (!ZONE_COUNTIES.some((county) => isWithinRegion(regionCode, county))) throw invalidField("regionCode", "stations.errors.outsideZone");
}
