import { expect, test, type Page } from "@playwright/test";
import { authFile, setLanguage } from "./fixtures";

// What a first-time user tripped on, on a phone: times after midnight, an empty choice, the phone
// menu, an API token, importing the roster twice, and the reports page.

const run = Date.now().toString(36);
const stamp = String(Date.now()).slice(-6);

test.use({ viewport: { width: 390, height: 844 } });

const shanghaiHour = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** The page does not scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

test.describe("an admin on a phone", () => {
  test.use({ storageState: authFile("admin") });

  test("a time after midnight reads 00:xx in English, never 24:xx", async ({ page }) => {
    // The demo world's events fall at every hour of the day: take one between 00:00 and 00:59.
    let found: { entityId: string; type: string; clock: string } | null = null;
    for (let p = 1; p <= 10 && !found; p++) {
      const response = await page.request.get(`/api/v1/audit-events?pageSize=100&page=${p}`);
      expect(response.status()).toBe(200);
      const { items } = (await response.json()) as { items: { at: string; entityId: string; type: string }[] };
      const hit = items.find((e) => shanghaiHour.format(new Date(e.at)).startsWith("00:"));
      if (hit) found = { entityId: hit.entityId, type: hit.type, clock: shanghaiHour.format(new Date(hit.at)) };
      if (items.length < 100) break;
    }
    expect(found, "an event after midnight in the demo world").not.toBeNull();
    await page.goto("/portal");
    await setLanguage(page, "en");
    await page.goto(`/admin/audit?entityId=${found!.entityId}&type=${encodeURIComponent(found!.type)}`);
    const events = page.getByTestId("audit-events");
    await expect(events).toContainText(found!.clock);
    await expect(events).not.toContainText(/\b24:\d\d/);
  });

  test("the phone menu closes once one of its links is followed", async ({ page }) => {
    await page.goto("/portal");
    const menu = page.locator("header details");
    await menu.getByText("菜单", { exact: true }).click();
    const link = menu.getByRole("link", { name: "接口令牌" });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(/\/admin\/tokens$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("接口令牌");
    await expect(link).toBeHidden();
    await expect(menu).not.toHaveAttribute("open");
  });

  test("a token issued with the expiry left blank never expires, and its scopes read as words", async ({ page }) => {
    await page.goto("/admin/tokens");
    const purpose = `首次使用检查 ${run}`;
    await page.getByLabel("用途说明").fill(purpose);
    await expect(page.getByLabel("有效天数")).toHaveValue("");
    await expect(page.getByText("留空则长期有效（可随时吊销）。")).toBeVisible();
    const scope = page.getByRole("checkbox", { name: /^查看统计报表/ });
    await expect(scope).toBeVisible();
    await expect(page.getByText("查看工作统计和图表。")).toBeVisible();
    await scope.check();
    await page.getByRole("button", { name: "签发令牌" }).click();
    await expect(page.getByTestId("token-secret")).toBeVisible();
    const issued = page.getByRole("listitem").filter({ hasText: purpose });
    await expect(issued).toContainText("范围: 查看统计报表");
    await expect(issued).toContainText("到期: 长期有效");
    await expect(page.getByText("report.read")).toHaveCount(0);

    await setLanguage(page, "en");
    await expect(page.getByRole("listitem").filter({ hasText: purpose })).toContainText("Scope: Read reports");
    await expect(page.getByRole("checkbox", { name: /^Read reports/ })).toBeVisible();
  });

  test("importing the same roster file twice reports its experts as already present, with no problems", async ({ page }) => {
    const header = "姓名,执业证号,电子邮箱,执业机构,常驻地区,服务地区,专业领域,接案上限";
    // No capacity: the two never take a case, so other journeys' matching is unchanged.
    const rows = [1, 2].map(
      (i) =>
        `首导专家${i}${run},1330421${stamp}${String(90 + i).padStart(4, "0")},first-${run}-${i}@test.example,嘉善首导律师事务所,嘉善县,嘉善县,债权清收,0`,
    );
    const file = { name: `名册-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from([header, ...rows].join("\n")) };

    await page.goto("/admin/experts/import");
    await page.getByLabel("名册文件").setInputFiles(file);
    await page.getByRole("button", { name: "预览" }).click();
    await expect(page.getByTestId("import-summary")).toHaveText("共 2 行：可导入 2 行，已在专家库中 0 行，有问题 0 行。");
    await page.getByRole("button", { name: "导入 2 位专家" }).click();
    await expect(page.getByTestId("form-alert")).toHaveText("已导入 2 位专家；0 行已在专家库中；0 行有问题，未导入。");

    await page.getByRole("button", { name: "导入另一个文件" }).click();
    await page.getByLabel("名册文件").setInputFiles(file);
    await page.getByRole("button", { name: "预览" }).click();
    await expect(page.getByTestId("import-summary")).toHaveText("共 2 行：可导入 0 行，已在专家库中 2 行，有问题 0 行。");
    await expect(page.getByTestId("import-row-2")).toContainText("已在专家库中");
    await expect(page.getByText("下载有问题的行")).toHaveCount(0);
    await expectNoSidewaysScroll(page);
  });

  test("the reports page fits the phone, and every bar of a trend says its value", async ({ page }) => {
    await page.goto("/admin/reports");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
    for (const id of ["trend-requests", "trend-recovered"]) {
      const chart = page.locator(`figure[aria-labelledby="${id}-caption"]`);
      const bars = await chart.locator("svg rect").count();
      expect(bars).toBeGreaterThan(0);
      await expect(chart.locator("svg text[data-value]")).toHaveCount(bars);
    }
    // A list chart draws its first ten rows and says how many more its table holds.
    for (const id of ["by-region", "by-specialty", "status", "declines"]) {
      const chart = page.locator(`figure[aria-labelledby="${id}-caption"]`);
      const all = await chart.locator("table tbody tr").count();
      const drawn = await chart.locator("ul > li").count();
      if (all > drawn) await expect(chart.getByTestId(`${id}-more`)).toHaveText(`另有 ${all - drawn} 项未显示，见数据表。`);
      else await expect(chart.getByTestId(`${id}-more`)).toHaveCount(0);
    }
  });
});

test.describe("a company on a phone", () => {
  test.use({ storageState: authFile("enterprise") });

  test("going on without a category says to choose one, in both languages", async ({ page }) => {
    await page.goto("/requests/new");
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByText("请选择类别。")).toBeVisible();
    await expect(page.getByText("格式不正确。")).toHaveCount(0);

    await setLanguage(page, "en");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("Choose a category.")).toBeVisible();
  });
});
