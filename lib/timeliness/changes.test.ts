import { describe, expect, it } from "vitest";
import { serviceLevelChanges } from "./changes";
import { defaultServiceLevels } from "./defaults";

describe("what a change of the service levels moved", () => {
  it("names each moved figure with its place, nested ones included", () => {
    const after = {
      ...defaultServiceLevels,
      urgentTriageHours: 1,
      resolutionDays: { ...defaultServiceLevels.resolutionDays, labor: 20 },
      parallelOffers: { normal: 1, urgent: 4 },
    };
    expect(serviceLevelChanges(defaultServiceLevels, after)).toEqual([
      { field: "urgentTriageHours", before: 2, after: 1 },
      { field: "resolutionDays.labor", before: 30, after: 20 },
      { field: "parallelOffers.urgent", before: 3, after: 4 },
    ]);
  });

  it("is empty when nothing moved, and lists everything when there was nothing before", () => {
    expect(serviceLevelChanges(defaultServiceLevels, defaultServiceLevels)).toEqual([]);
    expect(serviceLevelChanges(null, defaultServiceLevels).length).toBe(5 + 12 + 2);
  });
});
