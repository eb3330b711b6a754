import { expect, test } from "@playwright/test";

test.describe("a forgotten password", () => {
  test("is asked for from the sign-in page, with the same answer whether or not the account exists", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("link", { name: "忘记密码？" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByLabel("电子邮箱").fill("nobody-here@demo.example");
    await page.getByRole("button", { name: "发送链接" }).click();
    await expect(page.getByText(/如果该邮箱已注册，设置新密码的链接已发送/)).toBeVisible();
  });

  test("a wrong link says so and offers a new one", async ({ page }) => {
    await page.goto("/set-password?token=not-a-real-link");
    await expect(page.getByText("链接无效。请检查是否完整复制了邮件中的链接。")).toBeVisible();
    await page.getByRole("link", { name: "重新获取链接" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
  });
});
