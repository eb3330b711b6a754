import { describe, expect, it } from "vitest";
import { pack, unpack } from "./wire";

describe("cached values survive Next.js's JSON storage", () => {
  it("keeps money in fen as bigint and times as Date, nested in lists and objects", () => {
    const value = { recoveredFen: 12_345_678_901_234n, items: [{ publishedAt: new Date("2026-05-01T08:00:00Z"), title: "x", n: 3, none: null }] };
    const stored = JSON.parse(JSON.stringify(pack(value))) as unknown;
    expect(unpack(stored)).toEqual(value);
  });
});
