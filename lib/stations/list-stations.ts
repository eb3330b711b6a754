import { eq } from "drizzle-orm";
import { db } from "@/db";
import { stations } from "@/db/schema";
import { coversRegion, requirePermission, type Actor } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { uuidParam } from "@/lib/validation";
import { countyOf, withinRegion } from "@/lib/regions/codes";
import { ZONE_COUNTIES } from "@/lib/regions/zone";
import { stationColumns, toStation, type Station } from "./station-row";

const byName = new Intl.Collator("zh-CN");

/** The zone's districts in the order pages show them, then any other county by code. */
function districtRank(regionCode: string): string {
  const rank = (ZONE_COUNTIES as readonly string[]).indexOf(countyOf(regionCode));
  return rank >= 0 ? `0${rank}` : `1${countyOf(regionCode)}`;
}

/**
 * Anyone. Every station, closed ones included (flagged), ordered by district (as the zone lists
 * them) and then by name; `region` keeps those in a region and its sub-regions.
 */
export async function listStations(filter: { region?: string } = {}): Promise<Station[]> {
  const rows = await db
    .select(stationColumns)
    .from(stations)
    .where(filter.region ? withinRegion(stations.regionCode, filter.region) : undefined);
  return rows
    .map(toStation)
    .sort(
      (a, b) => districtRank(a.regionCode).localeCompare(districtRank(b.regionCode)) || byName.compare(a.name, b.name) || a.id.localeCompare(b.id),
    );
}

/** Anyone. One station, closed or not; 404 when there is none. */
export async function getStation(stationId: string): Promise<Station> {
  if (!uuidParam.safeParse(stationId).success) throw notFound();
  const [row] = await db.select(stationColumns).from(stations).where(eq(stations.id, stationId));
  if (!row) throw notFound();
  return toStation(row);
}

/** Admins. Every station as listStations orders them, each with whether this admin's district may change it. */
export async function listStationsForAdmin(actor: Actor): Promise<(Station & { canManage: boolean })[]> {
  requirePermission(actor, "station.manage");
  return (await listStations()).map((station) => ({ ...station, canManage: coversRegion(actor, station.regionCode) }));
}

/** Admins. One station with whether this admin's district may change it; 404 when there is none. */
export async function getStationForAdmin(actor: Actor, stationId: string): Promise<Station & { canManage: boolean }> {
  requirePermission(actor, "station.manage");
  const station = await getStation(stationId);
  return { ...station, canManage: coversRegion(actor, station.regionCode) };
}
