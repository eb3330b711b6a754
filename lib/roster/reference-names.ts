import type { Locale } from "@/lib/i18n/catalog";
import { cachedRegions, cachedSpecialties } from "@/lib/public-cache/reads";
import { regionOptions, type RegionOption } from "@/lib/regions/options";

export interface ReferenceNames {
  specialties: { code: string; name: string }[];
  specialtyName: (code: string) => string;
  regions: RegionOption[];
  regionName: (code: string) => string;
}

/** Specialty and region names in the reader's language, for pages that show codes. */
export async function referenceNames(locale: Locale): Promise<ReferenceNames> {
  const [specialtyRows, regionRows] = await Promise.all([cachedSpecialties(), cachedRegions()]);
  const specialties = specialtyRows.map((s) => ({ code: s.code, name: locale === "en" ? s.nameEn : s.nameZh }));
  const specialtyByCode = new Map(specialties.map((s) => [s.code, s.name]));
  const regions = regionOptions(regionRows, locale);
  const regionByCode = new Map(regions.map((r) => [r.code, r.name]));
  return {
    specialties,
    specialtyName: (code) => specialtyByCode.get(code) ?? code,
    regions,
    regionName: (code) => regionByCode.get(code) ?? code,
  };
}
