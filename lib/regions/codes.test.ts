import { describe, expect, it } from "vitest";
import { digitsAfter, isWithinRegion, regionAncestors } from "./codes";
import { isZoneCounty, ZONE_CITY_PREFIXES, ZONE_COUNTIES } from "./zone";

describe("region codes", () => {
  it("lists the regions that contain a town, a county or a city", () => {
    expect(regionAncestors("330421102")).toEqual(["330421", "330400", "330000"]);
    expect(regionAncestors("310118")).toEqual(["310100", "310000"]);
    expect(regionAncestors("330400")).toEqual(["330000"]);
    expect(regionAncestors("330000")).toEqual([]);
  });

  it("places a town within its county, city and province, and nowhere else", () => {
    expect(isWithinRegion("330421102", "330421")).toBe(true);
    expect(isWithinRegion("330421102", "330400")).toBe(true);
    expect(isWithinRegion("330421102", "330000")).toBe(true);
    expect(isWithinRegion("330421102", "330402")).toBe(false);
  });

  it("bounds the codes that start with a prefix by the least digit string above them", () => {
    expect(digitsAfter("330421")).toBe("330422");
    expect(digitsAfter("3309")).toBe("331");
    expect(digitsAfter("339")).toBe("34");
    expect(digitsAfter("99")).toBeNull();
    // every digit string sorts inside [prefix, digitsAfter(prefix)) exactly when it starts with the prefix
    const codes = ["33", "3299", "330000", "330400", "330421", "330421102", "330422", "3309", "330999999", "331", "34", "99", "999"];
    for (const prefix of ["33", "3304", "330421", "330421102", "3309", "99"]) {
      const after = digitsAfter(prefix);
      for (const code of codes) expect(code >= prefix && (after === null || code < after), `${code} in ${prefix}`).toBe(code.startsWith(prefix));
    }
  });

  it("knows the zone's three counties, each within one of the zone's cities", () => {
    expect(ZONE_COUNTIES.map(isZoneCounty)).toEqual([true, true, true]);
    expect(isZoneCounty("330402")).toBe(false);
    expect(ZONE_COUNTIES.every((county) => ZONE_CITY_PREFIXES.some((city) => county.startsWith(city)))).toBe(true);
  });
});
