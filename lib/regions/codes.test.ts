import { describe, expect, it } from "vitest";
import { isWithinRegion, regionAncestors } from "./codes";
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

  it("knows the zone's three counties, each within one of the zone's cities", () => {
    expect(ZONE_COUNTIES.map(isZoneCounty)).toEqual([true, true, true]);
    expect(isZoneCounty("330402")).toBe(false);
    expect(ZONE_COUNTIES.every((county) => ZONE_CITY_PREFIXES.some((city) => county.startsWith(city)))).toBe(true);
  });
});
