import { describe, expect, it } from "vitest";
import { dutyPeriodHours, dutyPeriodMinutes, dutyPeriodTimes, dutySessionInterval } from "./periods";

describe("the hours of a duty session", () => {
  it("are 08:30-12:00 in the morning, 13:30-17:00 in the afternoon, and both for a whole day", () => {
    expect([dutyPeriodTimes.am.start, dutyPeriodTimes.am.end, dutyPeriodTimes.pm.start, dutyPeriodTimes.pm.end]).toEqual([
      "08:30",
      "12:00",
      "13:30",
      "17:00",
    ]);
    expect([dutyPeriodTimes.day.start, dutyPeriodTimes.day.end]).toEqual(["08:30", "17:00"]);
    expect(dutyPeriodTimes.day.halves).toEqual(["am", "pm"]);
  });

  it("count 3.5 hours for a half-day and 7 for a whole day (the lunch break not counted)", () => {
    expect([dutyPeriodHours("am"), dutyPeriodHours("pm"), dutyPeriodHours("day")]).toEqual([3.5, 3.5, 7]);
    expect(dutyPeriodMinutes("day")).toBe(dutyPeriodMinutes("am") + dutyPeriodMinutes("pm"));
  });

  it("are local times in Shanghai", () => {
    const { start, end } = dutySessionInterval("2026-03-02", "pm");
    expect([start.toISOString(), end.toISOString()]).toEqual(["2026-03-02T05:30:00.000Z", "2026-03-02T09:00:00.000Z"]);
  });
});
