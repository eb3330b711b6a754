import type { Locale } from "@/lib/i18n/catalog";
import { listRegions } from "@/lib/reference-data/queries";
import { ZONE_COUNTIES } from "./zone";

export interface RegionGroup {
  code: string;
  name: string;
  towns: { code: string; name: string }[];
}

/**
 * Where a request can be placed: the demonstration zone's three counties, each with its towns
 * and streets, named in the reader's language.
 */
export async function zoneRegionGroups(locale: Locale): Promise<RegionGroup[]> {
  const rows = await listRegions();
  const name = (r: { nameZh: string; nameEn: string }) => (locale === "en" ? r.nameEn : r.nameZh);
  return ZONE_COUNTIES.flatMap((county) => {
    const row = rows.find((r) => r.code === county);
    if (!row) return [];
    return [{ code: row.code, name: name(row), towns: rows.filter((r) => r.parentCode === county).map((r) => ({ code: r.code, name: name(r) })) }];
  });
}
