import type { RegionLevel } from "@/lib/enums";
import type { Locale } from "@/lib/i18n/catalog";
import { ZONE_CITY_PREFIXES } from "./zone";

export interface RegionRow {
  code: string;
  nameZh: string;
  nameEn: string;
  parentCode: string | null;
  level: RegionLevel;
}

export interface RegionOption {
  code: string;
  /** The name alone ("嘉善县"). */
  name: string;
  /** The name with what contains it, so the many 鼓楼区 can be told apart ("嘉善县 · 嘉兴市"). */
  label: string;
  level: RegionLevel;
  provinceCode: string;
  /** Folded text to match a typed search against (both languages and the code). */
  search: string;
}

// 市辖区 ("city districts") is a bookkeeping level of the municipalities: never shown or chosen.
const isBookkeeping = (r: RegionRow) => r.nameZh === "市辖区";

/** Regions as choices in the reader's language, each labelled with its containing region. */
export function regionOptions(rows: readonly RegionRow[], locale: Locale): RegionOption[] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const name = (r: RegionRow) => (locale === "en" ? r.nameEn : r.nameZh);
  const visibleParent = (r: RegionRow): RegionRow | undefined => {
    let parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    while (parent && isBookkeeping(parent)) parent = parent.parentCode ? byCode.get(parent.parentCode) : undefined;
    return parent;
  };
  const province = (r: RegionRow): string => {
    let current = r;
    while (current.parentCode && byCode.get(current.parentCode)) current = byCode.get(current.parentCode)!;
    return current.code;
  };
  return rows
    .filter((r) => !isBookkeeping(r))
    .map((r) => {
      const parent = visibleParent(r);
      return {
        code: r.code,
        name: name(r),
        label: parent ? `${name(r)} · ${name(parent)}` : name(r),
        level: r.level,
        provinceCode: province(r),
        search: `${r.nameZh} ${r.nameEn} ${r.code}`.toLowerCase(),
      };
    });
}

/**
 * A shorter list for the public directory's filter: every province and city of the Delta, and the
 * districts and towns only in the zone's cities (elsewhere the city is fine-grained enough, and a
 * four-hundred-line list is no use on a phone).
 */
export function directoryRegionOptions(options: RegionOption[], selected?: string): RegionOption[] {
  return options.filter(
    (r) => r.code === selected || r.level === "province" || r.level === "city" || ZONE_CITY_PREFIXES.some((p) => r.code.startsWith(p)),
  );
}
