import { describe, expect, it } from "vitest";
import { escapeText, foldLine, renderCalendar, utcStamp, type IcsEvent } from "./ics";

const octets = (s: string) => new TextEncoder().encode(s).length;
/** RFC 5545 3.1 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");
const now = new Date("2026-03-02T01:00:00Z");

function calendar(events: IcsEvent[], name = "日历") {
  return renderCalendar({ name, events, now });
}

/** The first line of the property named `name` in the (unfolded) text, outside the time zone's description. */
function property(text: string, name: string): string | undefined {
  return unfold(text)
    .replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, "")
    .split("\r\n")
    .find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));
}

describe("escaping text values", () => {
  it("escapes backslash, semicolon, comma and every kind of line break", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });

  it("leaves colons, quotes and Chinese punctuation alone", () => {
    expect(escapeText('时间: "上午"，地点；服务站')).toBe('时间: "上午"，地点；服务站');
  });
});

describe("folding lines at 75 octets", () => {
  it("leaves a line of 75 octets whole and folds one of 76", () => {
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    expect(foldLine("x".repeat(76))).toBe(`${"x".repeat(75)}\r\n x`);
  });

  it("counts a Chinese character as three octets and never cuts one", () => {
    const line = `SUMMARY:${"坐诊专家张律师在罗星街道服务站".repeat(6)}`;
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(3);
    for (const part of physical) expect(octets(part)).toBeLessThanOrEqual(75);
    // Each physical line is whole characters: re-encoding it loses nothing.
    for (const part of physical) expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(part))).toBe(part);
    expect(unfold(folded)).toBe(line);
  });

  it("keeps the two halves of an emoji together", () => {
    const line = `DESCRIPTION:${"😀".repeat(40)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
    }
    expect(unfold(folded)).toBe(line);
  });
});

describe("a calendar", () => {
  const session: IcsEvent = {
    uid: "duty-session-1@legal-counsel-roster",
    start: { date: "2026-03-05", time: "08:30" },
    end: { date: "2026-03-05", time: "12:00" },
    summary: "坐诊：罗星街道服务站",
    description: "专家：张三, 已约 2/6\n请提前 10 分钟到达",
    location: "嘉善县罗星街道亭桥北路 1 号; 二楼",
    status: "CONFIRMED",
  };

  it("ends every line in CRLF, with no bare line feed or carriage return", () => {
    const text = calendar([session]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
  });

  it("names itself, and keeps every physical line within 75 octets", () => {
    const text = calendar([session, { ...session, uid: "x", summary: "很长的标题".repeat(30) }], "张三的坐诊和巡诊, Zhang San");
    expect(property(text, "X-WR-CALNAME")).toBe("X-WR-CALNAME:张三的坐诊和巡诊\\, Zhang San");
    for (const line of text.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it("writes China wall-clock times with the Asia/Shanghai time zone, described once", () => {
    const text = calendar([session]);
    expect(property(text, "DTSTART")).toBe("DTSTART;TZID=Asia/Shanghai:20260305T083000");
    expect(property(text, "DTEND")).toBe("DTEND;TZID=Asia/Shanghai:20260305T120000");
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(unfold(text)).toContain("TZID:Asia/Shanghai\r\nX-LIC-LOCATION:Asia/Shanghai\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800");
  });

  it("writes a whole day as a date, ending (exclusively) on the next, across a month's end", () => {
    const text = calendar([{ uid: "visit-1", start: { date: "2026-02-28" }, summary: "巡诊" }]);
    expect(property(text, "DTSTART")).toBe("DTSTART;VALUE=DATE:20260228");
    expect(property(text, "DTEND")).toBe("DTEND;VALUE=DATE:20260301");
    // Nothing needs a time zone: none is described.
    expect(text).not.toContain("VTIMEZONE");
  });

  it("writes an instant in UTC, with no end (it ends when it starts)", () => {
    const text = calendar([{ uid: "deadline-1", start: { at: new Date("2026-03-05T17:00:00+08:00") }, summary: "期限" }]);
    expect(property(text, "DTSTART")).toBe("DTSTART:20260305T090000Z");
    expect(property(text, "DTEND")).toBeUndefined();
  });

  it("gives each event its UID, a DTSTAMP of when the feed was made, and escaped text", () => {
    const text = unfold(calendar([session]));
    expect(text).toContain("UID:duty-session-1@legal-counsel-roster\r\n");
    expect(text).toContain(`DTSTAMP:${utcStamp(now)}\r\n`);
    expect(utcStamp(now)).toBe("20260302T010000Z");
    expect(text).toContain("DESCRIPTION:专家：张三\\, 已约 2/6\\n请提前 10 分钟到达\r\n");
    expect(text).toContain("LOCATION:嘉善县罗星街道亭桥北路 1 号\\; 二楼\r\n");
    expect(text).toContain("STATUS:CONFIRMED\r\n");
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text.match(/END:VEVENT/g)).toHaveLength(1);
  });

  it("is a valid empty calendar with no events", () => {
    const text = calendar([]);
    expect(text).toContain("BEGIN:VCALENDAR");
    expect(text).not.toContain("VEVENT");
  });
});
