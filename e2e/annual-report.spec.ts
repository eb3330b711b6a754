import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { authFile, setLanguage } from "./fixtures";

// The annual report (年度报告): an admin produces the year's report in one click, sees every
// section with the figures of the reports page for the same year, and downloads the workbook;
// once in English, once on a phone. The public impact page shows the work per category of work.
// Nothing here writes: a retry meets the same world.

const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const digits = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

/** The totals row of a report table (desktop): its cells' texts. */
async function totalsRow(table: Locator) {
  return table.locator("tfoot tr").first().locator("td").allInnerTexts();
}

async function produce(page: Page, label: RegExp) {
  await page.goto("/admin/annual-report");
  await page.getByLabel(/^(年度|Year)$/).fill(String(year));
  await page.getByRole("button", { name: label }).click();
  await expect(page).toHaveURL(new RegExp(`year=${year}`));
  await expect(page.getByTestId("annual-report")).toBeVisible();
}

async function downloadSheets(page: Page, label: RegExp) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: label }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())).buffer as ArrayBuffer);
  return workbook;
}

test.describe("the annual report", () => {
  test.use({ storageState: authFile("admin") });

  test("an admin produces the year's report; its figures are the reports page's; the workbook has a sheet per section", async ({ page }) => {
    await page.goto(`/admin/reports?from=${year}-01&to=${year}-12&groupBy=category`);
    const reportTotals = await totalsRow(page.locator("table").filter({ has: page.getByRole("columnheader", { name: "工作类别" }) }));
    expect(digits(reportTotals[0]!)).toBeGreaterThan(0);
    await page.goto(`/admin/reports?from=${year}-01&to=${year}-12&groupBy=outcome`);
    const outcomeTotals = await totalsRow(page.locator("table").filter({ has: page.getByRole("columnheader", { name: "办理结果" }) }));

    await produce(page, /生成年度报告/);
    for (const heading of ["全年概况", "分地区", "分工作类别", "分办理结果", "分月份", "分服务站", "分专家", "典型案例", "表彰专家"])
      await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    expect(await totalsRow(page.getByTestId("annual-section-category").locator("table"))).toEqual(reportTotals);
    expect(await totalsRow(page.getByTestId("annual-section-outcome").locator("table"))).toEqual(outcomeTotals);
    await expect(page.getByTestId("annual-totals")).toContainText(reportTotals[0]!);

    const workbook = await downloadSheets(page, /下载 Excel 工作簿/);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "概况",
      "分地区",
      "分工作类别",
      "分办理结果",
      "分月份",
      "分服务站",
      "分专家",
      "典型案例",
      "表彰专家",
    ]);
    const category = workbook.getWorksheet("分工作类别")!;
    expect(category.getRow(category.rowCount).getCell(2).value).toBe(digits(reportTotals[0]!));
  });

  test("in English", async ({ page }) => {
    await page.goto("/admin/annual-report");
    await setLanguage(page, "en");
    await produce(page, /Produce the year's report/);
    for (const heading of [
      "By district",
      "By category of work",
      "By outcome",
      "By month",
      "By station",
      "By expert",
      "Typical cases",
      "Commended experts",
    ])
      await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    const workbook = await downloadSheets(page, /Download the Excel workbook/);
    expect(workbook.worksheets.map((s) => s.name)).toContain("By category");
    expect(workbook.worksheets).toHaveLength(9);
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 } });
    test("the sections read as cards", async ({ page }) => {
      await produce(page, /生成年度报告/);
      const section = page.getByTestId("annual-section-category");
      await expect(section.getByText("合计", { exact: true }).first()).toBeVisible();
      await expect(page.getByRole("link", { name: /下载 Excel 工作簿/ })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
    });
  });
});

test("the impact page shows the work per category, adding up to the requests filed", async ({ page }) => {
  await page.goto("/impact");
  const section = page.getByTestId("impact-by-category");
  await expect(section.getByRole("heading", { name: "各类工作成效" })).toBeVisible();
  const handled = await section.locator("dt", { hasText: "受理诉求" }).locator("xpath=following-sibling::dd[1]").allInnerTexts();
  expect(handled.length).toBeGreaterThan(0);
  const filed = await page
    .getByTestId("impact-totals")
    .locator("div", { has: page.locator("dt", { hasText: /^受理诉求$/ }) })
    .locator("dd")
    .first()
    .innerText();
  expect(handled.reduce((acc, v) => acc + digits(v), 0)).toBe(digits(filed));
});
