import { db } from "@/db";
import { stations } from "@/db/schema";
import { requireDistrict, requirePermission, type Actor } from "@/lib/authz";
import { recordEvent } from "@/lib/events/record-event";
import type { CreateStationInput } from "./schemas";
import { checkStationRegion } from "./station-region";
import { stationColumns, toStation, type Station } from "./station-row";

/**
 * Admins of the station's district (an unscoped admin anywhere in the zone). Throws 422 on
 * `regionCode` for a region not on record or outside the zone, 403 for a region outside the
 * admin's district. Writes the station and its "station.created" event in one transaction.
 */
export async function createStation(actor: Actor, input: CreateStationInput): Promise<Station> {
  requirePermission(actor, "station.manage");
  await checkStationRegion(db, input.regionCode);
  requireDistrict(actor, "station.manage", input.regionCode);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(stations)
      .values({ name: input.name, regionCode: input.regionCode, address: input.address, phone: input.phone, hours: input.hours })
      .returning(stationColumns);
    await recordEvent(tx, actor, {
      type: "station.created",
      entityType: "station",
      entityId: row!.id,
      data: { name: row!.name, regionCode: row!.regionCode, address: row!.address, phone: row!.phone, hours: row!.hours },
    });
    return toStation(row!);
  });
}
