import { describe, expect, it } from "vitest";
import { lateHours, reminderAt } from "./deadlines";

const china = (text: string) => new Date(`${text.replace(" ", "T")}:00+08:00`);

describe("reminders", () => {
  it("come when three quarters of the working time is gone, at least one working hour before", () => {
    // 8 working hours: reminded after 6
    expect(reminderAt(china("2026-11-30 09:00"), china("2026-12-01 09:30"))).toEqual(china("2026-11-30 16:30"));
    // 2 working hours: one hour before, not half an hour
    expect(reminderAt(china("2026-11-30 09:00"), china("2026-11-30 11:00"))).toEqual(china("2026-11-30 10:00"));
    // under an hour: at once
    expect(reminderAt(china("2026-11-30 09:00"), china("2026-11-30 09:30"))).toEqual(china("2026-11-30 09:00"));
  });

  it("late hours are working hours past the deadline, one decimal", () => {
    expect(lateHours(china("2026-12-04 17:00"), china("2026-12-07 09:00"))).toBe(1); // over a weekend
    expect(lateHours(china("2026-12-01 09:30"), china("2026-12-01 11:00"))).toBe(1.5);
    expect(lateHours(china("2026-12-01 09:30"), china("2026-12-01 09:00"))).toBe(0);
  });
});
