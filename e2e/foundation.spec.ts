import { expect, test } from "@playwright/test";
import { authFile, setLanguage, signIn } from "./fixtures";

// A valid 统一社会信用代码 built at run time, so each run registers a new company.
function newCreditCode(): string {
  const charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let body = "91330421";
  for (let i = 0; i < 9; i++) body += charset[Math.floor(Math.random() * 31)];
  const sum = [...body].reduce((acc, c, i) => acc + charset.indexOf(c) * weights[i]!, 0);
  return body + charset[(31 - (sum % 31)) % 31];
}

test.describe("visitors", () => {
  test("the home page explains the service with the public figures", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("首席法律咨询专家");
    await expect(page.getByText("在库专家")).toBeVisible();
    await expect(page.getByText(/¥[\d,]+\.\d{2}/)).toBeVisible();
  });

  test("a wrong password shows the message and keeps the visitor signed out", async ({ page }) => {
    await signIn(page, "enterprise@demo.example", "not-the-password");
    await expect(page.getByTestId("form-alert")).toHaveText("邮箱或密码不正确。");
    await expect(page).toHaveURL(/\/login/);
  });

  test("the language switch turns the whole page into English and back", async ({ page }) => {
    await page.goto("/");
    await setLanguage(page, "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("A legal problem in your business? Ask a chief legal counsel.");
    await expect(page.getByText("Active experts")).toBeVisible();
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await setLanguage(page, "zh-CN");
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  });
});

test.describe("public pages on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  // Layout shift while loading (CLS: the shifts without recent input); `npm run layout-shift` prints the figures.
  for (const path of ["/", "/experts", "/typical-cases", "/stations"]) {
    test(`${path} does not shift while it loads`, async ({ page }) => {
      await page.addInitScript(() => {
        const w = window as unknown as { cls: number };
        w.cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) w.cls += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBeLessThan(0.01);
    });
  }

  test("the site has an icon at /favicon.ico and absolute canonical links", async ({ page, baseURL }) => {
    const icon = await page.request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/");
    await page.goto("/experts");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/experts`);
  });
});

test.describe("enterprise registration", () => {
  test("a bad credit code gets a field message and nothing is registered", async ({ page }) => {
    await page.goto("/register");
    await page.getByLabel("企业名称").fill("嘉善测试有限公司");
    await page.getByLabel("统一社会信用代码").fill("91330421MA2B3C4D5X");
    await page.getByLabel("联系人").fill("测试");
    await page.getByLabel("电子邮箱（用于登录）").fill(`bad-${Date.now()}@test.example`);
    await page.getByLabel("密码").fill("a-long-password");
    await page.getByRole("button", { name: "注册" }).click();
    await expect(page.getByText(/统一社会信用代码(校验位不正确|不含字母)/)).toBeVisible();
    await expect(page).toHaveURL(/\/register/);
  });

  test("a valid company registers, is signed in, and lands on its empty home", async ({ page }) => {
    await page.goto("/register");
    await page.getByLabel("企业名称").fill(`嘉善新注册${Date.now()}有限公司`);
    // Lower case and surrounding spaces are accepted and normalised.
    await page.getByLabel("统一社会信用代码").fill(`  ${newCreditCode().toLowerCase()} `);
    await page.getByLabel("联系人").fill("陈经理");
    await page.getByLabel("电子邮箱（用于登录）").fill(`new-${Date.now()}@test.example`);
    await page.getByLabel("密码").fill("a-long-password");
    await page.getByRole("checkbox", { name: /我已阅读并同意/ }).check();
    await page.getByRole("button", { name: "注册" }).click();
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByText("还没有提交过诉求。")).toBeVisible();
  });
});

test.describe("signed-in homes", () => {
  test.describe("admin", () => {
    test.use({ storageState: authFile("admin") });
    test("sees the working counts from the demo world", async ({ page }) => {
      await page.goto("/portal");
      await expect(page.getByTestId("awaiting-triage")).toHaveText(/^\d+$/);
      expect(Number(await page.getByTestId("awaiting-triage").textContent())).toBeGreaterThan(0);
    });
  });

  test.describe("expert on a phone", () => {
    test.use({ storageState: authFile("expert"), viewport: { width: 390, height: 844 } });
    test("sees pending offers and cases, and the menu", async ({ page }) => {
      await page.goto("/portal");
      await expect(page.getByTestId("pending-offers")).toBeVisible();
      await page.getByText("菜单").click();
      await expect(page.getByRole("link", { name: "退出" })).toBeVisible();
    });
  });
});
