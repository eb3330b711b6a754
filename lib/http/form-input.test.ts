import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createUserSchema } from "@/lib/accounts/user-schemas";
import { messageSource } from "@/lib/i18n/translate";
import { fileRequestFormSchema, triageSchema } from "@/lib/requests/schemas";
import { createStationSchema } from "@/lib/stations/schemas";
import { fieldErrorsFromZod } from "./form-input";

function messages(schema: z.ZodType, input: unknown, locale: "zh-CN" | "en" = "zh-CN") {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected the input to be refused");
  return fieldErrorsFromZod(parsed.error, messageSource(locale));
}

const filing = { title: "拖欠货款", description: "对方拖欠货款三个月。", regionCode: "330421", category: "" };

describe("a required choice left empty says what to choose", () => {
  it("the filing form's category, in both languages", () => {
    expect(messages(fileRequestFormSchema, filing).category).toBe("请选择类别。");
    expect(messages(fileRequestFormSchema, filing, "en").category).toBe("Choose a category.");
    const { category: _left, ...withoutCategory } = filing;
    expect(messages(fileRequestFormSchema, withoutCategory).category).toBe("请选择类别。");
  });

  it("the filing form's region", () => {
    expect(messages(fileRequestFormSchema, { ...filing, category: "contract", regionCode: "" }).regionCode).toBe("请选择地区。");
  });

  it("a new station's region", () => {
    const fields = messages(createStationSchema, { name: "罗星街道服务站", regionCode: "", address: "罗星街道 1 号" }, "en");
    expect(fields.regionCode).toBe("Choose a region.");
  });

  it("a new account's role", () => {
    const fields = messages(createUserSchema, { email: "a@example.org", name: "张三", role: "" });
    expect(fields.role).toBe("请选择角色。");
    expect(messages(createUserSchema, { email: "a@example.org", name: "张三" }, "en").role).toBe("Choose a role.");
  });

  it("a triage decision not made", () => {
    expect(messages(triageSchema, {}).decision).toBe("请选择处理决定。");
  });
});

describe("other messages stay as they were", () => {
  it("blank text is still required, malformed text still invalid", () => {
    const fields = messages(fileRequestFormSchema, { ...filing, title: "", category: "contract", regionCode: "12345678901234" });
    expect(fields.title).toBe("此项必填。");
    expect(fields.regionCode).toBe("内容过长。");
  });

  it("a schema's own message for an empty choice wins", () => {
    const fields = messages(createUserSchema, { email: "a@example.org", name: "张三", role: "station" });
    expect(fields.stationId).toBe(messageSource("zh-CN").t("accounts.errors.stationRequired"));
  });
});
