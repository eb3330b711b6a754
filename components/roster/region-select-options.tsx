import type { RegionOption } from "@/lib/regions/options";

const indent: Record<RegionOption["level"], string> = { province: "", city: "\u3000", county: "\u3000\u3000", town: "\u3000\u3000\u3000" };

/** <option>s of every region, grouped by province and indented by level (for a native <select>). */
export function RegionSelectOptions({ regions }: { regions: RegionOption[] }) {
  const provinces = regions.filter((r) => r.level === "province");
  return (
    <>
      {provinces.map((province) => (
        <optgroup key={province.code} label={province.name}>
          {regions
            .filter((r) => r.provinceCode === province.code)
            .map((r) => (
              <option key={r.code} value={r.code}>
                {indent[r.level]}
                {r.name}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}
