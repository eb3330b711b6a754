import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstInOrder } from "./first-in-order";

describe("firstInOrder", () => {
  it("gives the first k of a stable sort, for any items, order and k", () => {
    // pairs compared by their first number only, so ties show whether the items' order is kept
    const byFirst = (a: [number, number], b: [number, number]) => a[0] - b[0];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.nat()), { maxLength: 300 }),
        fc.integer({ min: -1, max: 320 }),
        (items, k) => {
          expect(firstInOrder(items, k, byFirst)).toEqual([...items].sort(byFirst).slice(0, Math.max(k, 0)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("orders Chinese names as the collator does", () => {
    const byName = new Intl.Collator("zh-CN");
    const names = ["赵", "钱", "孙", "李", "周", "吴", "郑", "王", "冯", "陈", "褚", "卫"];
    expect(firstInOrder(names, 4, byName.compare)).toEqual([...names].sort(byName.compare).slice(0, 4));
  });
});
