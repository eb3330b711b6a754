import type { RegionGroup } from "@/lib/regions/zone-groups";

/**
 * <option>s of the zone's counties and their towns, grouped by county (for a native <select>);
 * a county itself is offered unless its group says it may not be chosen.
 */
export function ZoneRegionOptions({ groups }: { groups: (RegionGroup & { countyChoosable?: boolean })[] }) {
  return (
    <>
      {groups.map((group) => (
        <optgroup key={group.code} label={group.name}>
          {group.countyChoosable === false ? null : <option value={group.code}>{group.name}</option>}
          {group.towns.map((town) => (
            <option key={town.code} value={town.code}>
              {"\u3000"}
              {town.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
