import { describe, expect, it } from "vitest";
import { dateField, optionalText, requiredText, unstorableTextPath } from "./validation";

describe("dates", () => {
  it("take only days that exist on the calendar", () => {
    for (const valid of ["2026-01-31", "2024-02-29", "0001-01-01"]) expect(dateField.safeParse(valid).success, valid).toBe(true);
    for (const invalid of ["2026-13-45", "2026-02-30", "2025-02-29", "0000-01-01", "2026-1-1", "2026-01-01T00:00"]) {
      expect(dateField.safeParse(invalid).success, invalid).toBe(false);
    }
  });
});

describe("text that cannot be stored", () => {
  it("is refused by the shared text fields, and emoji and Chinese pass", () => {
    for (const bad of ["a\u0000b", "\ud800", "x\udfffy", "\udc00\ud800"]) {
      expect(requiredText().safeParse(bad).success, JSON.stringify(bad)).toBe(false);
      expect(optionalText().safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(requiredText().safeParse("合同纠纷 😀").success).toBe(true);
  });

  it("is found anywhere in a raw input, by its path", () => {
    expect(unstorableTextPath({ a: "ok", list: [{ name: "ok" }, { name: "x\u0000" }] })).toBe("list.1.name");
    expect(unstorableTextPath({ ["k\u0000"]: 1 })).toBe("k\u0000");
    expect(unstorableTextPath("\ud83d")).toBe("_");
    expect(unstorableTextPath({ a: "😀", n: 1, b: null })).toBeNull();
  });
});
