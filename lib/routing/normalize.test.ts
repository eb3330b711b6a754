import { describe, expect, it } from "vitest";
import { normalizeCompanyName } from "@/lib/names";

describe("company names for conflict checks", () => {
  it("treat spacing, full-width characters and brackets as the same company", () => {
    const base = normalizeCompanyName("嘉兴某贸易有限公司");
    expect(normalizeCompanyName("嘉兴某贸易 有限公司")).toBe(base);
    expect(normalizeCompanyName(" 嘉兴某贸易有限公司　")).toBe(base);
    expect(normalizeCompanyName("嘉兴（某）贸易有限公司")).toBe(normalizeCompanyName("嘉兴(某)贸易有限公司"));
    expect(normalizeCompanyName("嘉兴【某】贸易有限公司")).toBe(normalizeCompanyName("嘉兴某贸易有限公司"));
  });
  it("fold Latin letters and full-width forms", () => {
    expect(normalizeCompanyName("ＡＢＣ科技有限公司")).toBe(normalizeCompanyName("abc 科技有限公司"));
  });
  it("keep different companies apart", () => {
    expect(normalizeCompanyName("嘉兴某贸易有限公司")).not.toBe(normalizeCompanyName("嘉兴某商贸有限公司"));
  });
});
