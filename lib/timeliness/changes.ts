import type { ServiceLevels } from "./schemas";

/** One service level that a change moved: its path ("triageHours", "resolutionDays.labor", "parallelOffers.urgent"). */
export interface ServiceLevelChange {
  field: string;
  before: number | null;
  after: number;
}

function flatten(levels: ServiceLevels): [string, number][] {
  return Object.entries(levels).flatMap(([key, value]) =>
    typeof value === "number"
      ? [[key, value] as [string, number]]
      : Object.entries(value).map(([inner, n]) => [`${key}.${inner}`, n] as [string, number]),
  );
}

/** What a change of the service levels moved, in the settings' own order; everything when there was nothing before. */
export function serviceLevelChanges(before: ServiceLevels | null, after: ServiceLevels): ServiceLevelChange[] {
  const old = new Map(before ? flatten(before) : []);
  return flatten(after)
    .filter(([field, value]) => old.get(field) !== value)
    .map(([field, value]) => ({ field, before: old.get(field) ?? null, after: value }));
}
