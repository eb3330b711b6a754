import { describe, expect, it } from "vitest";
import { changePasswordSchema, registerEnterpriseSchema, setPasswordSchema } from "@/lib/accounts/schemas";
import { applySchema } from "@/lib/roster/schemas";
import { isCommonPassword, newPasswordField } from "./password-policy";

describe("a chosen password", () => {
  it("has at least 10 characters and is not one of the commonest, whatever its case", () => {
    expect(newPasswordField.safeParse("short").error?.issues[0]?.message).toBe("errors.field.password");
    for (const common of ["1234567890", "qwertyuiop", "Password123", "PASSWORD123"]) {
      expect(isCommonPassword(common), common).toBe(true);
      expect(newPasswordField.safeParse(common).error?.issues[0]?.message, common).toBe("errors.field.passwordCommon");
    }
    expect(newPasswordField.safeParse("correct horse battery").success).toBe(true);
  });

  it("is held to it wherever one is chosen", () => {
    const password = "1234567890";
    const messagesOn = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
      result.error?.issues.filter((issue) => issue.path[0] === field).map((issue) => issue.message);
    expect(messagesOn(registerEnterpriseSchema.safeParse({ password }), "password")).toEqual(["errors.field.passwordCommon"]);
    expect(messagesOn(applySchema.safeParse({ password }), "password")).toEqual(["errors.field.passwordCommon"]);
    expect(messagesOn(setPasswordSchema.safeParse({ token: "x", password, confirm: password }), "password")).toEqual(["errors.field.passwordCommon"]);
    expect(messagesOn(changePasswordSchema.safeParse({ currentPassword: "old one here", newPassword: password }), "newPassword")).toEqual([
      "errors.field.passwordCommon",
    ]);
  });
});
