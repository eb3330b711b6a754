import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { describeNotification, notificationPath } from "@/lib/notifications/describe";
import { IMPORTANT_KINDS } from "@/lib/notifications/send-email";

const zh = translator("zh-CN");
const en = translator("en");
const data = { visitId: "v1", company: "嘉善恒达纺织有限公司", name: "沈文博", date: "2026-12-02", purpose: "法治体检" };

describe("visit notifications in words", () => {
  it("ask the company to answer, and lead to the visit", () => {
    const planned = { kind: "visit.planned", data };
    expect(describeNotification(zh, planned).headline).toBe("沈文博 专家计划于 2026-12-02 到访 嘉善恒达纺织有限公司，请确认是否接待。");
    expect(describeNotification(en, planned).headline).toBe(
      "Expert 沈文博 plans to visit 嘉善恒达纺织有限公司 on 2026-12-02: please confirm whether you will receive the visit.",
    );
    expect(notificationPath(planned)).toBe("/visits/v1");
    expect(IMPORTANT_KINDS.has("visit.planned")).toBe(true);
  });

  it("give the company's reason for declining, and count the findings that need work", () => {
    const declined = describeNotification(zh, { kind: "visit.declined", data: { ...data, reason: "当天盘点" } });
    expect(declined).toEqual({ headline: "嘉善恒达纺织有限公司 婉拒了 2026-12-02 的巡诊。", details: ["说明：当天盘点"] });
    expect(describeNotification(en, { kind: "visit.needs_work", data: { ...data, count: 1 } }).headline).toBe(
      "Visit to 嘉善恒达纺织有限公司: 1 finding needs work and can become a request.",
    );
    expect(describeNotification(en, { kind: "visit.needs_work", data: { ...data, count: 3 } }).headline).toContain("3 findings need work");
  });
});
