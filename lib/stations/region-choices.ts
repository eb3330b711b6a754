import { coversRegion, requirePermission, type Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { zoneRegionGroups, type RegionGroup } from "@/lib/regions/zone-groups";

export interface StationRegionGroup extends RegionGroup {
  /** Whether the county itself may be chosen (else only its towns). */
  countyChoosable: boolean;
}

/** Admins. Where this admin may place a station: the zone's counties and towns within its district. */
export async function stationRegionChoices(actor: Actor, locale: Locale): Promise<StationRegionGroup[]> {
  requirePermission(actor, "station.manage");
  return (await zoneRegionGroups(locale)).flatMap((group) => {
    const towns = group.towns.filter((town) => coversRegion(actor, town.code));
    const countyChoosable = coversRegion(actor, group.code);
    return countyChoosable || towns.length ? [{ ...group, towns, countyChoosable }] : [];
  });
}
