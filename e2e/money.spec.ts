import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { authFile, setLanguage } from "./fixtures";

// Money the company can follow: the expert records more than is outstanding only after seeing the
// figures side by side, reverses an entry, and the company reads the reversal in its inbox. The
// journey opens its own dispute on a case of the demo company that the demo expert is working.
test.describe.configure({ mode: "serial" });

const counterparty = `回款核对相对方${Date.now()}`;
let caseId = "";
let caseNumber = "";

interface ListedRequest {
  id: string;
  status: string;
  caseNumber: string;
}

async function listed(browser: Browser, role: "expert" | "enterprise"): Promise<ListedRequest[]> {
  const context = await browser.newContext({ storageState: authFile(role) });
  try {
    const response = await context.request.get("/api/v1/requests?pageSize=100");
    expect(response.ok()).toBe(true);
    return ((await response.json()) as { items: ListedRequest[] }).items;
  } finally {
    await context.close();
  }
}

/** The disputes panel of the journey's case, its dispute found by the counterparty and its ledger open. */
async function openDispute(page: Page, names: { panel: string; search: string; ledger: RegExp }): Promise<Locator> {
  await page.goto(`/requests/${caseId}`);
  const panel = page.locator("section").filter({ has: page.getByRole("heading", { name: names.panel }) });
  await panel.getByLabel(names.search).fill(counterparty);
  // the search leaves this one dispute (a table row on a desktop, a card on a phone)
  await panel.getByRole("button", { name: names.ledger }).first().click();
  return panel;
}

test("a case of the demo company that the demo expert is working", async ({ browser }) => {
  const company = new Set((await listed(browser, "enterprise")).map((r) => r.id));
  const working = (await listed(browser, "expert")).filter((r) => ["accepted", "in_progress"].includes(r.status) && company.has(r.id));
  expect(working.length, "an open case filed by the demo company, assigned to the demo expert").toBeGreaterThan(0);
  caseId = working.at(-1)!.id;
  caseNumber = working.at(-1)!.caseNumber;
});

test.describe("the assigned expert", () => {
  test.use({ storageState: authFile("expert") });

  test("sees claimed, recovered, outstanding, this entry and the total after side by side before recording more than is outstanding", async ({
    page,
  }, testInfo) => {
    await page.goto(`/requests/${caseId}`);
    const panel = page.locator("section").filter({ has: page.getByRole("heading", { name: "纠纷与回款" }) });
    await panel.getByRole("button", { name: "新增纠纷" }).click();
    await panel.getByLabel("相对方名称").fill(counterparty);
    await panel.getByLabel("主张金额（元）").fill("1000");
    await panel.getByRole("button", { name: "登记纠纷" }).click();
    await expect(panel.getByTestId("form-alert").filter({ hasText: "纠纷已登记。" })).toBeVisible();
    await panel.getByLabel("搜索相对方").fill(counterparty);
    await panel.getByRole("row").filter({ hasText: counterparty }).getByRole("button", { name: /台账/ }).click();

    await panel.getByRole("button", { name: "登记回款" }).click();
    await panel.getByLabel("到账金额（元）").fill("600");
    await panel.getByRole("button", { name: "登记回款" }).click();
    await expect(panel.getByText("台账合计：¥600.00")).toBeVisible();

    // ¥500 against ¥400 outstanding: the figures, and nothing written yet.
    await panel.getByRole("button", { name: "登记回款" }).click();
    await panel.getByLabel("到账金额（元）").fill("500");
    await panel.getByRole("button", { name: "登记回款" }).click();
    const figures = panel.getByTestId("over-claim-figures");
    await expect(panel.getByRole("heading", { name: "这笔金额超过尚未收回的金额" })).toBeVisible();
    await expect(figures).toContainText("主张金额¥1,000.00");
    await expect(figures).toContainText("已收回¥600.00");
    await expect(figures).toContainText("尚未收回¥400.00");
    await expect(figures).toContainText("本笔金额¥500.00");
    await expect(figures).toContainText("登记后累计收回¥1,100.00");
    await figures.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath("over-claim-zh-desktop.png") });
    await page.setViewportSize({ width: 390, height: 844 });
    await figures.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath("over-claim-zh-phone.png") });
    await page.setViewportSize({ width: 1366, height: 900 });
    await expect(panel.getByText("台账合计：¥600.00")).toBeVisible();

    // Changing the amount takes the question back; what is outstanding records at once.
    await panel.getByRole("button", { name: "修改金额" }).click();
    await expect(figures).toHaveCount(0);
    await expect(panel.getByLabel("到账金额（元）")).toBeFocused();
    await panel.getByLabel("到账金额（元）").fill("400");
    await panel.getByRole("button", { name: "登记回款" }).click();
    await expect(panel.getByText("台账合计：¥1,000.00")).toBeVisible();

    // Anything more now needs the confirmation; confirmed, it is recorded.
    await panel.getByRole("button", { name: "登记回款" }).click();
    await panel.getByLabel("到账金额（元）").fill("250.5");
    await panel.getByRole("button", { name: "登记回款" }).click();
    await expect(figures).toContainText("尚未收回¥0.00");
    await expect(figures).toContainText("登记后累计收回¥1,250.50");
    await panel.getByRole("button", { name: "确认并登记" }).click();
    await expect(panel.getByText("回款已登记。")).toBeVisible();
    await expect(panel.getByText("台账合计：¥1,250.50")).toBeVisible();
  });

  test("reverses the entry recorded above the claim, with a reason", async ({ page }) => {
    const panel = await openDispute(page, { panel: "纠纷与回款", search: "搜索相对方", ledger: /^台账/ });
    const entry = panel.getByRole("listitem").filter({ hasText: "¥250.50" });
    await entry.getByRole("button", { name: "冲正", exact: true }).click();
    await panel.getByLabel("冲正原因").fill("超出主张金额，系重复登记");
    await panel.getByRole("button", { name: "确认冲正" }).click();
    await expect(panel.getByText("台账合计：¥1,000.00")).toBeVisible();
    await expect(panel.getByText("已冲正")).toBeVisible();
  });
});

test.describe("on a phone, in English", () => {
  test.use({ storageState: authFile("expert"), viewport: { width: 390, height: 844 } });

  test("the same figures, and changing the amount writes nothing", async ({ page }, testInfo) => {
    await page.goto(`/requests/${caseId}`);
    await setLanguage(page, "en");
    try {
      const panel = await openDispute(page, { panel: "Disputes and money recovered", search: "Search counterparty", ledger: /^Ledger/ });
      await panel.getByRole("button", { name: "Record money received" }).click();
      await panel.getByLabel(/Amount received/).fill("1234.5");
      await panel.getByRole("button", { name: "Record money received" }).click();
      const figures = panel.getByTestId("over-claim-figures");
      await expect(panel.getByRole("heading", { name: "This is more than is still outstanding" })).toBeVisible();
      await expect(figures).toContainText("Claimed¥1,000.00");
      await expect(figures).toContainText("Recovered so far¥1,000.00");
      await expect(figures).toContainText("Outstanding¥0.00");
      await expect(figures).toContainText("This entry¥1,234.50");
      await expect(figures).toContainText("Recovered after this entry¥2,234.50");
      await figures.scrollIntoViewIfNeeded();
      await page.screenshot({ path: testInfo.outputPath("over-claim-en-phone.png") });
      await page.setViewportSize({ width: 1366, height: 900 });
      await figures.scrollIntoViewIfNeeded();
      await page.screenshot({ path: testInfo.outputPath("over-claim-en-desktop.png") });
      await panel.getByRole("button", { name: "Change the amount" }).click();
      await expect(figures).toHaveCount(0);
      await page.reload();
      await expect(page.getByText(counterparty).first()).toBeVisible();
    } finally {
      await setLanguage(page, "zh-CN");
    }
  });
});

test.describe("the company", () => {
  test.use({ storageState: authFile("enterprise") });

  test("reads the reversal in its inbox: the amount, the reason, the dispute and the case number", async ({ page }) => {
    await page.goto("/inbox");
    const notice = page
      .getByRole("listitem")
      .filter({ hasText: `纠纷对方：${counterparty}` })
      .filter({ hasText: "冲正金额：¥250.50" });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("冲正了一笔回款");
    await expect(notice).toContainText("冲正原因：超出主张金额，系重复登记");
    await expect(notice).toContainText(`受理编号：${caseNumber}`);
    // each entry was told the same way
    await expect(
      page
        .getByRole("listitem")
        .filter({ hasText: `纠纷对方：${counterparty}` })
        .filter({ hasText: "到账金额：¥250.50" }),
    ).toBeVisible();
  });
});
