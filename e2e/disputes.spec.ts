import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { authFile } from "./fixtures";

// Disputes and money: an expert works the demo case with 30+ disputes, an admin reads the dashboard
// and its Excel export, and the public impact page shows the money the expert recorded.
test.describe.configure({ mode: "serial" });

const BIG_CASE = "集团 30 余起经济纠纷集中化解";

/** "¥1,234.56" -> 123456n (exact; no float). */
function fenOf(text: string): bigint {
  const match = /(-?)¥([\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`no amount in ${text}`);
  const fen = BigInt(match[2]!.replace(/,/g, "") + match[3]!);
  return match[1] ? -fen : fen;
}

async function impactRecovered(page: Page): Promise<bigint> {
  await page.goto("/impact");
  const card = page.getByTestId("impact-totals").locator("div").filter({ hasText: "追回款项" });
  return fenOf(await card.locator("dd").innerText());
}

async function openBigCase(page: Page): Promise<Locator> {
  const response = await page.request.get("/api/v1/requests?pageSize=100");
  const { items } = (await response.json()) as { items: { id: string; title: string }[] };
  const target = items.find((r) => r.title === BIG_CASE);
  expect(target, "the demo case with 30+ disputes").toBeTruthy();
  await page.goto(`/requests/${target!.id}`);
  return page.locator("section").filter({ has: page.getByRole("heading", { name: "纠纷与回款" }) });
}

let publicTotalBefore = 0n;

test("the public impact page shows the money recovered so far", async ({ page }) => {
  publicTotalBefore = await impactRecovered(page);
  expect(publicTotalBefore).toBeGreaterThan(0n);
  await expect(page.getByRole("heading", { name: "按县区（青吴嘉示范区）" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "嘉善县" })).toBeVisible();
});

test.describe("the assigned expert", () => {
  test.use({ storageState: authFile("expert") });

  test("adds a dispute to a case with 30+ disputes, records money, corrects it by a reversal and moves disputes in bulk", async ({ page }) => {
    const panel = await openBigCase(page);
    await expect(panel.getByText(/显示 3\d \/ 3\d 件/)).toBeVisible();

    const name = `端到端测试相对方${Date.now()}`;
    await panel.getByRole("button", { name: "新增纠纷" }).click();
    await panel.getByLabel("相对方名称").fill(name);
    await panel.getByLabel("主张金额（元）").fill("88,000.5");
    await panel.getByRole("button", { name: "登记纠纷" }).click();
    await expect(panel.getByTestId("form-alert").filter({ hasText: "纠纷已登记。" })).toBeVisible();

    // Thirty-odd disputes: find the new one by its counterparty.
    await panel.getByLabel("搜索相对方").fill(name);
    await expect(panel.getByText(/显示 1 \/ 3\d 件/)).toBeVisible();
    const row = panel.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("¥88,000.50");
    await row.getByRole("button", { name: /台账/ }).click();

    // A bad amount is refused field by field, then the money is recorded.
    await panel.getByRole("button", { name: "登记回款" }).click();
    await panel.getByLabel("到账金额（元）").fill("12.345");
    await panel.getByRole("button", { name: "登记回款" }).click();
    await expect(panel.getByText("金额最多两位小数。")).toBeVisible();
    await panel.getByLabel("到账金额（元）").fill("12,345.67");
    await panel.getByRole("button", { name: "登记回款" }).click();
    await expect(panel.getByText("回款已登记。")).toBeVisible();
    await expect(panel.getByText("台账合计：¥12,345.67")).toBeVisible();

    // A mistake is corrected by a reversing entry, after a confirmation; the original stays on record.
    await panel.getByRole("button", { name: "冲正", exact: true }).click();
    await expect(panel.getByText(/冲正会新增一笔 -¥12,345.67 的负数记录/)).toBeVisible();
    await panel.getByLabel("冲正原因").fill("金额录错");
    await panel.getByRole("button", { name: "确认冲正" }).click();
    await expect(panel.getByText("台账合计：¥0.00")).toBeVisible();
    await expect(panel.getByText("已冲正")).toBeVisible();
    await expect(panel.getByRole("button", { name: "冲正", exact: true })).toHaveCount(0);

    await panel.getByRole("button", { name: "登记回款" }).click();
    await panel.getByLabel("到账金额（元）").fill("10000");
    await panel.getByRole("button", { name: "登记回款" }).click();
    await expect(panel.getByText("台账合计：¥10,000.00")).toBeVisible();
    await expect(row).toContainText("¥10,000.00");

    // More than is still outstanding (¥78,000.50) waits for the expert to confirm the figures.
    await panel.getByRole("button", { name: "登记回款" }).click();
    await panel.getByLabel("到账金额（元）").fill("90000");
    await panel.getByRole("button", { name: "登记回款" }).click();
    await expect(panel.getByTestId("over-claim-figures")).toContainText("尚未收回¥78,000.50");
    await panel.getByRole("button", { name: "修改金额" }).click();
    await expect(panel.getByText("台账合计：¥10,000.00")).toBeVisible();

    // Bulk status change of what the filter shows.
    await panel.getByLabel("全选当前显示的纠纷").check();
    await panel.getByRole("combobox", { name: "批量改为" }).selectOption("mediating");
    await panel.getByRole("button", { name: "批量更新" }).click();
    await expect(panel.getByText("已更新 1 件纠纷。")).toBeVisible();
    await expect(row).toContainText("调解中");
  });
});

test("the public impact page shows the new total", async ({ page }) => {
  expect(await impactRecovered(page)).toBe(publicTotalBefore + 1_000_000n);
});

test.describe("an admin", () => {
  test.use({ storageState: authFile("admin") });

  test("filters the dashboard by period and region and downloads the same figures as Excel", async ({ page }) => {
    await page.goto("/admin/reports");
    await expect(page.getByRole("heading", { name: "统计报表", level: 1 })).toBeVisible();
    await page.getByLabel("起始月份").fill("2025-01");
    await page.getByLabel("截止月份").fill("2026-12");
    await page.getByLabel("分组方式").selectOption("region");
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page).toHaveURL(/groupBy=region/);
    await expect(page.getByRole("heading", { name: "分组明细 · 按地区" })).toBeVisible();
    await expect(page.getByRole("img", { name: /图表：每月追回款项/ })).toBeVisible();

    const kpi = page.getByTestId("report-kpis").locator("div").filter({ hasText: "追回款项" });
    const shown = fenOf(await kpi.locator("dd").first().innerText());

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 Excel" }).click()]);
    const workbook = new ExcelJS.Workbook();
    const bytes = await readFile((await download.path())!);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet("报表")!;
    const header = sheet.getRow(1).values as unknown[];
    const totals = sheet.getRow(sheet.rowCount).values as unknown[];
    expect(header[1]).toBe("地区");
    expect([header[8], header[9]]).toEqual(["追回金额（元）", "追回金额（分）"]);
    expect(totals[1]).toBe("合计");
    // a number of yuan a spreadsheet adds up, beside the exact fen
    expect(sheet.getRow(sheet.rowCount).getCell(8).numFmt).toBe("#,##0.00");
    expect(totals[8]).toBe(Number(shown) / 100);
    expect(totals[9]).toBe(Number(shown));
  });
});
