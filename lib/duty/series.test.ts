import { describe, expect, it } from "vitest";
import { planDutySchema } from "./schemas";
import { sessionDates } from "./series";

const expertId = "6f1c1f1e-8a1b-4c1d-9e1f-1a2b3c4d5e6f";

describe("the dates of a recurring duty pattern", () => {
  it("repeats weekly until the last date inclusive, leaving out National Day", () => {
    expect(sessionDates("2026-09-17", { everyWeeks: 1, until: "2026-10-15" })).toEqual({
      dates: ["2026-09-17", "2026-09-24", "2026-10-08", "2026-10-15"],
      skipped: ["2026-10-01"],
    });
  });

  it("keeps a make-up working day on a weekend and ordinary Saturdays, drops a Saturday inside a holiday", () => {
    // 2026-09-26 falls in the Mid-Autumn holiday, 2026-10-03 in National Day; 2026-10-10 is worked (调休).
    expect(sessionDates("2026-09-19", { everyWeeks: 1, until: "2026-10-17" })).toEqual({
      dates: ["2026-09-19", "2026-10-10", "2026-10-17"],
      skipped: ["2026-09-26", "2026-10-03"],
    });
  });

  it("steps every N weeks and keeps a single date whatever day it is", () => {
    expect(sessionDates("2026-11-02", { everyWeeks: 2, until: "2026-11-30" }).dates).toEqual(["2026-11-02", "2026-11-16", "2026-11-30"]);
    expect(sessionDates("2026-10-01")).toEqual({ dates: ["2026-10-01"], skipped: [] });
  });
});

describe("the plan schema", () => {
  const plan = { expertId, date: "2026-11-02", period: "am", slots: 6 };
  const fieldsOf = (input: unknown) => {
    const parsed = planDutySchema.safeParse(input);
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("takes a plan with or without a pattern", () => {
    expect(fieldsOf(plan)).toEqual({});
    expect(fieldsOf({ ...plan, repeat: { everyWeeks: 1, until: "2027-11-02" } })).toEqual({});
    expect(planDutySchema.parse({ ...plan, slots: "4", repeat: null })).toMatchObject({ slots: 4, repeat: undefined });
  });

  it("refuses a bad period, slots outside 1-50, and a pattern that ends early, runs past a year or makes too many", () => {
    expect(fieldsOf({ ...plan, period: "night" })).toHaveProperty("period");
    expect(fieldsOf({ ...plan, slots: 0 })).toHaveProperty("slots", "rota.errors.slots");
    expect(fieldsOf({ ...plan, slots: 51 })).toHaveProperty("slots", "rota.errors.slots");
    expect(fieldsOf({ ...plan, slots: 2.5 })).toHaveProperty("slots", "rota.errors.slots");
    expect(fieldsOf({ ...plan, repeat: { everyWeeks: 1, until: "2026-11-01" } })).toEqual({ "repeat.until": "rota.errors.untilBeforeDate" });
    expect(fieldsOf({ ...plan, repeat: { everyWeeks: 4, until: "2027-11-04" } })).toEqual({ "repeat.until": "rota.errors.seriesTooLong" });
    expect(fieldsOf({ ...plan, repeat: { everyWeeks: 0, until: "2026-12-01" } })).toHaveProperty(["repeat.everyWeeks"], "rota.errors.everyWeeks");
    expect(fieldsOf({ ...plan, expertId: "" })).toEqual({ expertId: "rota.errors.chooseExpert" });
    expect(fieldsOf({ ...plan, date: "" })).toEqual({ date: "rota.errors.chooseDate" });
    expect(fieldsOf({ ...plan, date: "2026-02-30" })).toEqual({ date: "errors.field.date" });
  });
});
