import { describe, expect, it } from "vitest";
import { reasonSchema } from "@/lib/roster/decision-schemas";
import { messageSource } from "@/lib/i18n/translate";
import { nextStep } from "./submission";

const ask = () => "Suspend this expert?";

describe("a form's next step before it sends anything", () => {
  it("shows the field message and does not ask for a confirmation while the input is invalid", async () => {
    const form = new FormData();
    form.set("reason", "   ");
    const step = await nextStep(form, { schema: async () => reasonSchema, confirm: ask, messages: messageSource("en") });
    expect(step.kind).toBe("invalid");
    expect(step.kind === "invalid" && step.fields.reason).toBeTruthy();
  });

  it("asks for the confirmation once the input is valid", async () => {
    const form = new FormData();
    form.set("reason", "Licence lapsed");
    expect(await nextStep(form, { schema: async () => reasonSchema, confirm: ask, messages: messageSource("en") })).toEqual({
      kind: "confirm",
      question: "Suspend this expert?",
    });
  });

  it("sends at once when the step needs no confirmation", async () => {
    expect(
      await nextStep({ reason: "Licence lapsed" }, { schema: async () => reasonSchema, confirm: () => null, messages: messageSource("zh-CN") }),
    ).toEqual({
      kind: "send",
    });
    expect(await nextStep({ anything: 1 }, { messages: messageSource("en") })).toEqual({ kind: "send" });
  });

  it("leaves the check to the action when the schema does not load", async () => {
    const offline = () => Promise.reject(new Error("Failed to load chunk"));
    expect(await nextStep({ reason: "" }, { schema: offline, confirm: ask, messages: messageSource("en") })).toEqual({
      kind: "confirm",
      question: "Suspend this expert?",
    });
  });
});
