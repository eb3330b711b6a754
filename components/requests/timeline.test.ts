import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { eventLabel } from "./timeline";

describe("timeline labels", () => {
  it("names the company's answers to ledger entries and the admin's skips in both languages", () => {
    expect(eventLabel(translator("zh-CN"), "zh-CN", "recovery.confirmed")).toBe("企业确认回款");
    expect(eventLabel(translator("en"), "en", "recovery.queried")).toBe("Company queried a payment");
    expect(eventLabel(translator("zh-CN"), "zh-CN", "routing.skipped")).toBe("本案不再考虑某位专家");
  });

  it("gives an unknown kind of entry a neutral label", () => {
    expect(eventLabel(translator("zh-CN"), "zh-CN", "something.new")).toBe("其他记录");
  });
});
