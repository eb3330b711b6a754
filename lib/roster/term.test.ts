import { describe, expect, it } from "vitest";
import { todayInShanghai } from "@/lib/clock";
import { expertStanding, isExpiringSoon } from "./standing";
import { addDays, daysBetween, isTermCurrent, termEndFor } from "./term";

describe("appointment terms", () => {
  it("ends on the end date in Asia/Shanghai, whatever the server's clock zone", () => {
    // 00:30 on 1 March in Shanghai is still 29 February in UTC: the term ending 1 March is over.
    const justAfter = todayInShanghai(new Date("2028-03-01T00:30:00+08:00"));
    expect(justAfter).toBe("2028-03-01");
    expect(isTermCurrent("2025-03-01", "2028-03-01", justAfter)).toBe(false);
    // 23:30 on 29 February in Shanghai: the last evening of the term.
    const lastEvening = todayInShanghai(new Date("2028-02-29T23:30:00+08:00"));
    expect(lastEvening).toBe("2028-02-29");
    expect(isTermCurrent("2025-03-01", "2028-03-01", lastEvening)).toBe(true);
  });

  it("starts on the start date and needs both dates", () => {
    expect(isTermCurrent("2026-05-10", "2029-05-10", "2026-05-09")).toBe(false);
    expect(isTermCurrent("2026-05-10", "2029-05-10", "2026-05-10")).toBe(true);
    expect(isTermCurrent(null, "2029-05-10", "2026-06-01")).toBe(false);
    expect(isTermCurrent("2026-05-10", null, "2026-06-01")).toBe(false);
  });

  it("adds whole years, taking 29 February to 1 March in a common year", () => {
    expect(termEndFor("2026-11-29", 3)).toBe("2029-11-29");
    expect(termEndFor("2028-02-29", 3)).toBe("2031-03-01");
    expect(termEndFor("2028-02-29", 4)).toBe("2032-02-29");
  });

  it("counts calendar days across month and leap-year ends", () => {
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2027-02-28", "2027-03-01")).toBe(1);
    expect(daysBetween("2026-12-31", "2026-12-01")).toBe(-30);
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 90)).toBe("2027-03-31");
  });

  it("flags a current term within 90 days of its end, not one already ended", () => {
    expect(isExpiringSoon("2027-03-31", "2026-12-31")).toBe(true);
    expect(isExpiringSoon("2027-04-01", "2026-12-31")).toBe(false);
    expect(isExpiringSoon("2026-12-31", "2026-12-31")).toBe(false);
    expect(isExpiringSoon(null, "2026-12-31")).toBe(false);
  });

  it("reads an active expert's standing from the term and availability", () => {
    const active = { status: "active" as const, termStart: "2025-01-01", termEnd: "2028-01-01" };
    expect(expertStanding(active, "2026-06-01")).toBe("active");
    expect(expertStanding(active, "2028-01-01")).toBe("expired");
    expect(expertStanding(active, "2024-12-31")).toBe("notStarted");
    expect(expertStanding({ ...active, pausedUntil: "2026-06-02" }, "2026-06-01")).toBe("paused");
    expect(expertStanding({ ...active, pausedUntil: "2026-06-01" }, "2026-06-01")).toBe("active");
    expect(expertStanding({ ...active, status: "suspended" }, "2026-06-01")).toBe("suspended");
  });
});
