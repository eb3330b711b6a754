import { eq } from "drizzle-orm";
import { db } from "@/db";
import { stations } from "@/db/schema";
import { requireDistrict, requirePermission, type Actor } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { uuidParam } from "@/lib/validation";
import type { UpdateStationInput } from "./schemas";
import { checkStationRegion } from "./station-region";
import { stationColumns, toStation, type Station } from "./station-row";

const editable = ["name", "regionCode", "address", "phone", "hours"] as const;

/**
 * Admins of the station's district: both the district it is in and, when it moves, the one it
 * moves to (an unscoped admin anywhere in the zone). Changes the fields given and closes or
 * reopens it. Throws 404 for no such station, 403 outside the admin's district, 422 on
 * `regionCode` as createStation does. Under the station's row lock it writes the change with
 * "station.updated" (each changed field, before and after) and "station.closed" or
 * "station.reopened"; a call that changes nothing writes nothing.
 */
export async function updateStation(actor: Actor, stationId: string, input: UpdateStationInput): Promise<Station> {
  requirePermission(actor, "station.manage");
  if (!uuidParam.safeParse(stationId).success) throw notFound();
  return db.transaction(async (tx) => {
    const [current] = await tx.select(stationColumns).from(stations).where(eq(stations.id, stationId)).for("update");
    if (!current) throw notFound();
    requireDistrict(actor, "station.manage", current.regionCode);
    if (input.regionCode !== undefined && input.regionCode !== current.regionCode) {
      await checkStationRegion(tx, input.regionCode);
      requireDistrict(actor, "station.manage", input.regionCode);
    }

    const changed = editable.filter((field) => input[field] !== undefined && input[field] !== current[field]);
    const wasClosed = current.closedAt !== null;
    const closing = input.closed !== undefined && input.closed !== wasClosed;
    if (changed.length === 0 && !closing) return toStation(current);

    const now = new Date();
    const [row] = await tx
      .update(stations)
      .set({
        ...Object.fromEntries(changed.map((field) => [field, input[field]])),
        ...(closing ? { closedAt: input.closed ? now : null } : {}),
        updatedAt: now,
      })
      .where(eq(stations.id, stationId))
      .returning(stationColumns);
    if (changed.length) {
      await recordEvent(tx, actor, {
        type: "station.updated",
        entityType: "station",
        entityId: stationId,
        data: {
          regionCode: row!.regionCode,
          before: Object.fromEntries(changed.map((field) => [field, current[field]])),
          after: Object.fromEntries(changed.map((field) => [field, row![field]])),
        },
      });
    }
    if (closing) {
      await recordEvent(tx, actor, {
        type: input.closed ? "station.closed" : "station.reopened",
        entityType: "station",
        entityId: stationId,
        data: { regionCode: row!.regionCode },
      });
    }
    return toStation(row!);
  });
}
