import { describe, expect, it } from "vitest";
import { CALENDAR_KNOWN_UNTIL, isWorkingDay, missingCalendarYear } from "./calendar";
import { addWorkingDays, addWorkingHours, WORKING_HOURS_PER_DAY, workingHoursBetween } from "./working-time";

/** A moment given in China time ("2026-09-30 16:30"). */
const china = (text: string) => new Date(`${text.replace(" ", "T")}:00+08:00`);

describe("the mainland working calendar", () => {
  it("knows the public holidays and the make-up working days on weekends", () => {
    expect(isWorkingDay("2026-10-01")).toBe(false); // National Day
    expect(isWorkingDay("2026-10-07")).toBe(false);
    expect(isWorkingDay("2026-10-10")).toBe(true); // a Saturday worked in exchange (调休)
    expect(isWorkingDay("2026-10-11")).toBe(false); // an ordinary Sunday
    expect(isWorkingDay("2026-02-17")).toBe(false); // Spring Festival
    expect(isWorkingDay("2026-09-30")).toBe(true);
    expect(CALENDAR_KNOWN_UNTIL).toBeGreaterThanOrEqual(2026);
  });

  it("says which year's holidays are missing: this year's, or next year's from November on", () => {
    expect(missingCalendarYear("2026-06-30", 2026)).toBeNull();
    expect(missingCalendarYear("2026-10-31", 2026)).toBeNull();
    expect(missingCalendarYear("2026-11-01", 2026)).toBe(2027);
    expect(missingCalendarYear("2027-03-01", 2026)).toBe(2027);
    expect(missingCalendarYear("2026-12-01", 2027)).toBeNull();
  });
});

describe("working hours", () => {
  it("counts 7.5 hours a day, 08:30–12:00 and 13:30–17:30", () => {
    expect(WORKING_HOURS_PER_DAY).toBe(7.5);
    expect(addWorkingHours(china("2026-11-30 09:00"), 2)).toEqual(china("2026-11-30 11:00"));
    // across lunch
    expect(addWorkingHours(china("2026-11-30 11:00"), 2)).toEqual(china("2026-11-30 14:30"));
    // a deadline that ends with the day is that evening, not the next morning
    expect(addWorkingHours(china("2026-11-30 16:30"), 1)).toEqual(china("2026-11-30 17:30"));
  });

  it("waits for the office to open: filed at night or at a weekend", () => {
    expect(addWorkingHours(china("2026-11-30 22:00"), 1)).toEqual(china("2026-12-01 09:30"));
    expect(addWorkingHours(china("2026-12-05 10:00"), 5)).toEqual(china("2026-12-07 15:00")); // Saturday → Monday
    expect(addWorkingHours(china("2026-12-01 12:15"), 0.5)).toEqual(china("2026-12-01 14:00"));
  });

  it("skips the National Day week and counts its make-up Saturday", () => {
    // 1 h on Wednesday 30 September, then nothing until Thursday 8 October
    expect(addWorkingHours(china("2026-09-30 16:30"), 8)).toEqual(china("2026-10-08 17:00"));
    // 2 working days from Friday 9 October runs through Saturday 10 October (a working day)
    expect(addWorkingHours(china("2026-10-09 08:30"), 15)).toEqual(china("2026-10-10 17:30"));
  });

  it("measures how late something was in working hours", () => {
    expect(workingHoursBetween(china("2026-11-30 11:00"), china("2026-11-30 14:30"))).toBe(2);
    expect(workingHoursBetween(china("2026-09-30 16:30"), china("2026-10-08 17:00"))).toBe(8);
    expect(workingHoursBetween(china("2026-12-05 09:00"), china("2026-12-06 18:00"))).toBe(0); // a weekend
    expect(workingHoursBetween(china("2026-12-01 10:00"), china("2026-12-01 09:00"))).toBe(0);
    // the two agree: adding h hours and measuring gives h back
    const from = china("2026-09-28 15:10");
    for (const h of [0.5, 3, 7.5, 20, 61.25]) expect(workingHoursBetween(from, addWorkingHours(from, h))).toBe(h);
  });
});

describe("working days", () => {
  it("ends at the close of the n-th working day after the day of filing", () => {
    expect(addWorkingDays(china("2026-11-30 10:00"), 3)).toEqual(china("2026-12-03 17:30")); // Monday → Thursday
    expect(addWorkingDays(china("2026-12-04 16:00"), 1)).toEqual(china("2026-12-07 17:30")); // Friday → Monday
    // filed the day before National Day: 3 working days are 8, 9 and 10 October
    expect(addWorkingDays(china("2026-09-30 09:00"), 3)).toEqual(china("2026-10-10 17:30"));
  });
});
