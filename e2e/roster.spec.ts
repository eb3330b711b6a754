import { expect, test, type Browser, type Page } from "@playwright/test";
import { authFile, type DemoRole } from "./fixtures";

// The roster as its people use it: a visitor finds an expert, a lawyer applies, the law society
// vets and appoints, suspends, and imports its old spreadsheet.

const run = Date.now().toString(36);
const digits = String(Date.now()).slice(-6);

async function pageAs(browser: Browser, role: DemoRole | null, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ ...(role ? { storageState: authFile(role) } : {}), viewport });
  return context.newPage();
}

/** Chooses a region in a region picker by typing part of its name. */
async function pickRegion(page: Page, label: string, typed: string, option: RegExp) {
  await page.getByLabel(label).fill(typed);
  await page.getByRole("button", { name: option }).first().click();
}

test.describe("a visitor", () => {
  test("filters the directory by keyword and region and opens a profile with public facts only", async ({ browser }) => {
    const page = await pageAs(browser, null, { width: 390, height: 844 });
    await page.goto("/experts");
    await expect(page).toHaveTitle(/专家名录/);
    await page.getByLabel("关键词").fill("嘉善");
    await pickRegion(page, "服务地区", "嘉善", /嘉善县/);
    await page.getByRole("button", { name: "查找" }).click();
    await expect(page).toHaveURL(/q=%E5%98%89%E5%96%84.*region=330421/);
    await page.getByRole("link", { name: "沈文博", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("沈文博");
    await expect(page.getByText("债权清收").first()).toBeVisible();
    await expect(page.getByTestId("cases-resolved")).toHaveText(/^\d+$/);
    await expect(page.getByRole("link", { name: "向这位专家咨询" })).toHaveAttribute("href", /\/requests\/new\?expert=[0-9a-f-]{36}$/);
    // The demo expert's licence number and phone never reach a public page.
    await expect(page.locator("body")).not.toContainText("13304202010000000");
    await expect(page.locator("body")).not.toContainText("13905731000");
  });

  test("gets a clear empty state when nothing matches", async ({ browser }) => {
    const page = await pageAs(browser, null);
    await page.goto(`/experts?q=${encodeURIComponent(`不存在的专家${run}`)}`);
    await expect(page.getByText("没有找到符合条件的专家。")).toBeVisible();
    await page.getByRole("link", { name: "清除筛选" }).first().click();
    await expect(page.getByText(/共 \d+ 位专家/)).toBeVisible();
  });
});

test.describe.serial("applying, vetting, appointing and suspending", () => {
  const name = `钱申请${run}`;
  const email = `applicant-${run}@test.example`;
  let expertUrl = "";

  test("an applicant applies on a phone and sees where the application stands", async ({ browser }) => {
    const page = await pageAs(browser, null, { width: 390, height: 844 });
    await page.goto("/apply");
    await page.getByRole("button", { name: "提交申请" }).click();
    await expect(page.getByTestId("form-alert")).toContainText("填写的内容有误");
    await expect(page.getByText("请至少选择一个专业领域。")).toBeVisible();

    await page.getByLabel("姓名").fill(name);
    await page.getByLabel("手机号码").fill("13905739999");
    await page.getByLabel("电子邮箱").fill(email);
    await page.getByLabel("密码", { exact: true }).fill("a-long-password");
    await page.getByLabel("职务/职称").fill("律师");
    await page.getByLabel("执业机构").fill("浙江嘉善明诚律师事务所");
    await page.getByLabel("执业证号").fill(`1330421${digits}0001`);
    await page.getByLabel("执业年限").fill("12");
    await pickRegion(page, "常驻地区", "嘉善", /^嘉善县/);
    await page.getByLabel("债权清收").check();
    await page.getByLabel("合同纠纷").check();
    await pickRegion(page, "服务地区", "嘉善", /^嘉善县/);
    await page.getByLabel("吴语（嘉善话）").check();
    await page.getByLabel("线上").check();
    await page.getByLabel("个人简介").fill("专注欠款催收与买卖合同纠纷。");
    await page.getByLabel("推荐人或证明人").fill("嘉善县司法局 王科长 0573-84000000");
    await page.getByLabel("申请说明").fill("愿为示范区中小企业提供法律服务。");
    await page.getByRole("checkbox", { name: /我已阅读并同意/ }).check();
    await page.getByRole("button", { name: "提交申请" }).click();

    await page.waitForURL(/\/apply\/status$/);
    await expect(page.getByText("法学会正在审核您的申请。")).toBeVisible();
    await expect(page.getByText("审核进度：已完成 0 / 4 项")).toBeVisible();
  });

  test("the law society ticks the checklist and appoints the applicant", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    await page.goto("/admin/applications");
    await page.getByRole("link", { name: `审核: ${name}` }).click();
    await page.waitForURL(/\/admin\/applications\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    // Approval waits for the whole checklist.
    await expect(page.getByRole("button", { name: "提交决定" })).toBeDisabled();
    for (const item of ["执业证号已核实", "执业年限已确认", "已查询惩戒记录", "已联系推荐人"]) {
      await page.getByRole("button", { name: `确认: ${item}` }).click();
      await expect(page.getByRole("button", { name: `撤销: ${item}` })).toBeVisible();
    }
    await expect(page.getByTestId("check-licence_verified")).toContainText("法学会");
    await page.getByLabel("聘期（年）").selectOption("3");
    await page.getByLabel("理由").fill("材料齐全，执业记录良好，同意聘任。");
    await page.getByRole("button", { name: "提交决定" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "确认" }).click();
    await expect(page.getByTestId("decision")).toContainText("已通过");
    await page.getByRole("link", { name: "查看专家档案" }).click();
    await page.waitForURL(/\/admin\/experts\/[0-9a-f-]{36}$/);
    expertUrl = page.url();
    await expect(page.getByTestId("audit-trail")).toContainText("聘任");
  });

  test("the appointed expert appears in the public directory", async ({ browser }) => {
    const page = await pageAs(browser, null);
    await page.goto(`/experts?q=${encodeURIComponent(name.slice(0, 5))}`);
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  });

  test("the law society suspends the expert, who disappears from the directory", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    await page.goto(expertUrl);
    await page.getByRole("button", { name: "暂停", exact: true }).click();
    await page.getByLabel("理由").fill("执业证年检未通过，暂停派单。");
    await page.getByRole("form", { name: "暂停" }).getByRole("button", { name: "暂停" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "确认" }).click();
    await expect(page.getByTestId("form-alert")).toHaveText("已完成。");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("已暂停");
    await expect(page.getByTestId("audit-trail")).toContainText("执业证年检未通过");

    const visitor = await pageAs(browser, null);
    await visitor.goto(`/experts?q=${encodeURIComponent(name)}`);
    await expect(visitor.getByText("没有找到符合条件的专家。")).toBeVisible();
  });
});

test.describe("bulk import", () => {
  test("an import with two bad rows shows them, imports the rest and offers the bad rows back", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    const csv = [
      "姓名,执业证号,电子邮箱,执业机构,常驻地区,服务地区,专业领域",
      `导入甲${run},1330421${digits}0101,import-a-${run}@test.example,浙江嘉善导入律师事务所,嘉善县,嘉善县,债权清收`,
      `导入乙${run},1330421${digits}0102,import-b-${run}@test.example,上海青浦导入律师事务所,青浦区,青浦区、吴江区,合同纠纷、劳动用工`,
      `坏证号${run},12345,import-c-${run}@test.example,某律所,嘉善县,嘉善县,债权清收`,
      `未知专业${run},1330421${digits}0104,import-d-${run}@test.example,某律所,嘉善县,嘉善县,炼金术`,
    ].join("\n");
    await page.goto("/admin/experts/import");
    await page.getByLabel("名册文件").setInputFiles({ name: "名册.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "预览" }).click();
    await expect(page.getByTestId("import-summary")).toHaveText("共 4 行：可导入 2 行，已在专家库中 0 行，有问题 2 行。");
    await expect(page.getByTestId("import-row-4")).toContainText("6–30 位");
    await expect(page.getByTestId("import-row-5")).toContainText("未知的专业领域：炼金术");
    await page.getByRole("button", { name: "导入 2 位专家" }).click();
    await expect(page.getByTestId("form-alert")).toHaveText("已导入 2 位专家；0 行已在专家库中；2 行有问题，未导入。");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载有问题的行" }).click();
    expect((await download).suggestedFilename()).toBe("名册-rejected.csv");

    await page.goto(`/admin/experts?q=${encodeURIComponent(`导入乙${run}`)}`);
    await expect(page.getByRole("link", { name: `导入乙${run}` }).first()).toBeVisible();
  });
});
