import { expect, test } from "@playwright/test";
import { authFile } from "./fixtures";

// Hotline intake: the law society's staff take a call (their own line, or one 12348 passes on) and
// file the caller's request through the same form a station uses for a walk-in.

const run = Date.now().toString(36);

test.use({ storageState: authFile("admin") });

test("an admin files a hotline caller's request through the form; the request says it came by the hotline", async ({ page }) => {
  const title = `热线来电：工资拖欠 ${run}`;
  await page.goto("/portal");
  await page.getByRole("link", { name: "提交诉求" }).first().click();
  await expect(page).toHaveURL(/\/requests\/new$/);
  await expect(page.getByText("为打进法学会热线或 12348 热线的企业、群众登记诉求。")).toBeVisible();
  await expect(page.getByRole("heading", { name: "来电人" })).toBeVisible();
  await page.getByLabel("来电企业或个人的名称").fill(`嘉善某服装加工厂${run}`);
  await page.getByLabel("联系人").fill("李女士");
  await page.getByLabel("联系电话").fill("13800000012");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("合同出了问题").check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("用一句话概括").fill(title);
  await page.getByLabel("发生了什么").fill("来电称客户拖欠加工费三个月，要求帮助追收。");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("所在地区").selectOption("330421002");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByText(`嘉善某服装加工厂${run} · 李女士 · 13800000012`)).toBeVisible();
  await page.getByRole("button", { name: "确认提交" }).click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}\?filed=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("热线", { exact: true })).toBeVisible();
  await expect(page.getByText(`嘉善某服装加工厂${run}`).first()).toBeVisible();

  // It is in the law society's queue like any other, and the list finds it by channel.
  await page.goto("/admin/requests?channel=hotline");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});
