import { expect, test, type Page } from "@playwright/test";
import { authFile, setLanguage } from "./fixtures";
import { fileReferral, validIdNumber } from "./referral-filing";

// Referrals (转办): the law society's staff file a case a government body referred, for a person with
// an ID number that is only ever shown masked; when the case is closed, the reply letter (回复函) is
// drafted from it, printed and marked issued. Safe on a retry: every attempt files under its own
// title and number, and the demo letter is marked issued only if it is not yet.

test.describe.configure({ mode: "serial" });
test.use({ storageState: authFile("admin") });

const run = Date.now().toString(36);

const demoTitle = "县信访局转办：农民工工资拖欠集体信访";

/** The demo world's closed referral, opened from the admin's list filtered by channel. */
async function openDemoReferral(page: Page): Promise<string> {
  await page.goto(`/admin/requests?channel=referral&q=${encodeURIComponent("农民工工资拖欠")}`);
  await page.getByRole("link", { name: demoTitle }).click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  return /\/requests\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

test("an admin files a referral for a person; the case shows the referring body and only the masked ID number", async ({ page }) => {
  const attempt = test.info().retry;
  const idNumber = validIdNumber(Number.parseInt(run.slice(-4), 36) + attempt * 7);
  const filing = {
    title: `信访转办：加工费拖欠 ${run}-${attempt}`,
    body: `嘉善县信访局${run}`,
    reference: `善信转〔2026〕${attempt + 1}号`,
    personName: "张伟",
    idNumber,
  };
  const id = await fileReferral(page, filing);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(filing.title);
  await expect(page.getByText("转办", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("referral-body")).toHaveText(filing.body);
  await expect(page.getByTestId("party-id-number")).toHaveText(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
  expect(await page.content()).not.toContain(idNumber);

  // Not finished yet: the letter says when it will be ready.
  await page.getByRole("link", { name: "回复函" }).click();
  await expect(page.getByTestId("reply-letter-not-ready")).toBeVisible();
  expect(page.url()).toContain(`/requests/${id}/reply-letter`);
});

test("the reply letter of a closed referral carries the case number and the money recovered, and is marked issued once", async ({ page }) => {
  const id = await openDemoReferral(page);
  const caseNumberLine = (await page.getByTestId("case-number").textContent()) ?? "";
  await page.getByRole("link", { name: "回复函" }).click();
  await page.waitForURL(`**/requests/${id}/reply-letter`);
  await expect(page.getByRole("heading", { level: 1, name: "回复函" })).toBeVisible();
  const letterNumber = ((await page.getByTestId("reply-letter-case-number").textContent()) ?? "").trim().split(/\s+/).pop()!;
  expect(letterNumber.length).toBeGreaterThan(3);
  expect(caseNumberLine).toContain(letterNumber);
  await expect(page.getByText("嘉善县信访局：")).toBeVisible();
  await expect(page.getByTestId("reply-letter-recovered")).toHaveText("¥840,000.00");

  // Marked issued: once (a retry finds it issued already and has nothing to click).
  const issued = page.getByTestId("reply-letter-issued");
  if (!(await issued.isVisible())) await page.getByRole("button", { name: "标记为已出具" }).click();
  await expect(issued).toBeVisible();
  await expect(page.getByRole("button", { name: "标记为已出具" })).toHaveCount(0);
  await page.goto(`/requests/${id}`);
  await expect(page.getByText("已向转办单位出具回复函")).toBeVisible();

  // In English.
  await page.goto(`/requests/${id}/reply-letter`);
  await setLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "Reply letter" })).toBeVisible();
  await expect(page.getByText("Money recovered in total")).toBeVisible();
  await expect(page.getByTestId("reply-letter-recovered")).toHaveText("¥840,000.00");
  await setLanguage(page, "zh-CN");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the reply letter fits the screen", async ({ page }) => {
    const id = await openDemoReferral(page);
    await page.goto(`/requests/${id}/reply-letter`);
    await expect(page.getByTestId("reply-letter-recovered")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});
