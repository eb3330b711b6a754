import { describe, expect, it } from "vitest";
import { emptyDraft } from "./draft";
import { stepOf, wizardSteps, type StepName } from "./step-registry";

// A field the server can refuse must be on a step, or its error would leave the filer nowhere to fix it.

const allSteps = Object.keys(wizardSteps) as StepName[];

describe("the wizard's steps", () => {
  it("ask for every field of the draft exactly once", () => {
    const asked = allSteps.flatMap((name) => [...wizardSteps[name].fields]);
    const drafted = Object.keys(emptyDraft()).filter((field) => field !== "idempotencyKey");
    expect([...asked].sort()).toEqual(drafted.sort());
  });

  it("send an error back to the step that asks for the field", () => {
    const filing: StepName[] = ["category", "details", "service", "files", "review"];
    expect(stepOf("counterparties.2.name", filing)).toBe(1);
    expect(stepOf("preferredExpertId", filing)).toBe(2);
    expect(stepOf("enterprise.contactPhone", ["walkIn", ...filing])).toBe(0);
    expect(stepOf("note", filing)).toBe(4);
    expect(stepOf("enterprise.name", filing)).toBe(-1);
  });
});
