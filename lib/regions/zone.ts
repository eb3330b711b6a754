/**
 * The 青吴嘉 demonstration zone: its three counties (嘉善县, 青浦区, 吴江区), in the order pages show
 * them, and the cities they lie in (嘉兴, 上海, 苏州). Kept apart from the database so that forms in
 * the browser may use it.
 */
export const ZONE_COUNTIES = ["330421", "310118", "320509"] as const;

/** The code prefixes of the zone's cities, whose districts and towns people pick by name. */
export const ZONE_CITY_PREFIXES = ["3304", "31", "3205"] as const;

/** Whether a county code is one of the zone's. */
export function isZoneCounty(county: string): boolean {
  return (ZONE_COUNTIES as readonly string[]).includes(county);
}
