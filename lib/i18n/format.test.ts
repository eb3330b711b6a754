import { describe, expect, it } from "vitest";
import { formatDateTime, formatTimestamp } from "./format";

// 00:21 in Asia/Shanghai on 29 November 2026.
const afterMidnight = new Date("2026-11-28T16:21:00Z");

describe("times after midnight read 00:xx", () => {
  it("in English", () => {
    const text = formatDateTime(afterMidnight, "en");
    expect(text).toContain("00:21");
    expect(text).not.toContain("24:");
    expect(text).toContain("Nov 29, 2026");
  });

  it("in Chinese", () => {
    expect(formatDateTime(afterMidnight, "zh-CN")).toBe("2026年11月29日 00:21");
  });

  it("in exported files", () => {
    expect(formatTimestamp(afterMidnight)).toBe("2026-11-29 00:21:00");
  });

  it("noon and the last minute of the day keep their hours", () => {
    expect(formatDateTime(new Date("2026-11-29T04:05:00Z"), "en")).toContain("12:05");
    expect(formatDateTime(new Date("2026-11-29T15:59:00Z"), "en")).toContain("23:59");
  });
});
