import { describe, expect, it } from "vitest";
import { fenToJson, fenToYuanString, formatFen, parseYuan } from "./money";

describe("money in fen", () => {
  it("formats fen as yuan", () => {
    expect(formatFen(123456n)).toBe("¥1,234.56");
    expect(formatFen(0n)).toBe("¥0.00");
    expect(formatFen(5)).toBe("¥0.05");
    expect(formatFen(-100n)).toBe("-¥1.00");
    expect(formatFen(10n ** 13n)).toBe("¥100,000,000,000.00");
    expect(fenToYuanString(1234567n)).toBe("12345.67");
  });

  it("parses typed yuan into fen without floats", () => {
    expect(parseYuan("1,234.56")).toEqual({ ok: true, fen: 123456n });
    expect(parseYuan("¥ 12 345")).toEqual({ ok: true, fen: 1234500n });
    expect(parseYuan("０.１")).toEqual({ ok: true, fen: 10n });
    expect(parseYuan("0.29")).toEqual({ ok: true, fen: 29n });
    expect(parseYuan("100元")).toEqual({ ok: true, fen: 10000n });
  });

  it("round-trips every amount through the display string", () => {
    for (const fen of [0n, 1n, 99n, 100n, 101n, 123456789n, 9007199254740991n]) {
      expect(parseYuan(formatFen(fen))).toEqual({ ok: true, fen });
      expect(parseYuan(fenToYuanString(fen))).toEqual({ ok: true, fen });
    }
  });

  it("rejects more than two decimals, negatives, garbage and amounts above 2^53", () => {
    expect(parseYuan("0.001")).toEqual({ ok: false, reason: "too_many_decimals" });
    expect(parseYuan("-5")).toEqual({ ok: false, reason: "negative" });
    expect(parseYuan("-5", { allowNegative: true })).toEqual({ ok: true, fen: -500n });
    expect(parseYuan("abc")).toEqual({ ok: false, reason: "format" });
    expect(parseYuan("")).toEqual({ ok: false, reason: "format" });
    expect(parseYuan("1e5")).toEqual({ ok: false, reason: "format" });
    expect(parseYuan("90071992547409.92")).toEqual({ ok: false, reason: "too_large" });
    expect(parseYuan("0", { allowZero: false })).toEqual({ ok: false, reason: "format" });
  });

  it("refuses to put an unsafe integer into JSON", () => {
    expect(fenToJson(9007199254740991n)).toBe(9007199254740991);
    expect(() => fenToJson(9007199254740992n)).toThrow(RangeError);
  });
});
