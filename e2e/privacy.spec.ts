import { expect, test } from "@playwright/test";
import { setLanguage } from "./fixtures";

// Consent and privacy: the notice is a click away on every page, and a company registers only
// after agreeing to it.

const run = Date.now().toString(36);

// A valid 统一社会信用代码 built at run time, so each run registers a new company.
function newCreditCode(): string {
  const charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let body = "91330421";
  for (let i = 0; i < 9; i++) body += charset[Math.floor(Math.random() * 31)];
  const sum = [...body].reduce((acc, c, i) => acc + charset.indexOf(c) * weights[i]!, 0);
  return body + charset[(31 - (sum % 31)) % 31];
}

test.describe("the privacy notice", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a visitor on a phone opens it from the footer and reads what is kept, in Chinese and in English", async ({ page }) => {
    await page.goto("/experts");
    await page.getByRole("contentinfo").getByRole("link", { name: "个人信息保护告知书" }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("个人信息保护告知书");
    await expect(page.getByText(/^版本 \d{4}-\d{2}-\d{2}，自 .+ 起施行$/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "登录和网络地址" })).toBeVisible();
    await expect(page.getByText(/网络（IP）地址/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "您的权利" })).toBeVisible();
    await expect(page.getByText(/12348/).first()).toBeVisible();

    await setLanguage(page, "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy Notice");
    await expect(page.getByRole("heading", { name: "Sign-in and network addresses" })).toBeVisible();
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Privacy notice" })).toBeVisible();
    await setLanguage(page, "zh-CN");
  });
});

test.describe("registering a company", () => {
  test("is refused without consent to the notice, saying so under the box, and succeeds once it is ticked", async ({ page }) => {
    const email = `privacy-${run}@test.example`;
    await page.goto("/register");
    await page.getByLabel("企业名称").fill(`嘉善隐私测试${run}有限公司`);
    await page.getByLabel("统一社会信用代码").fill(newCreditCode());
    await page.getByLabel("联系人").fill("周经理");
    await page.getByLabel("电子邮箱（用于登录）").fill(email);
    await page.getByLabel("密码").fill("a-long-password");
    const consent = page.getByRole("checkbox", { name: /我已阅读并同意《个人信息保护告知书》/ });
    await expect(consent).not.toBeChecked();
    await expect(page.getByRole("link", { name: "《个人信息保护告知书》" })).toHaveAttribute("href", "/privacy");

    await page.getByRole("button", { name: "注册" }).click();
    await expect(page.getByText("请阅读并勾选同意《个人信息保护告知书》后再提交")).toBeVisible();
    await expect(consent).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/register$/);

    await consent.check();
    await page.getByRole("button", { name: "注册" }).click();
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByText("还没有提交过诉求。")).toBeVisible();
  });
});
