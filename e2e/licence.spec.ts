import { expect, test, type Browser, type Page } from "@playwright/test";
import { authFile, type DemoRole } from "./fixtures";

// Licence evidence: an applicant's long form survives a reload as a draft, the licence scan goes
// with the application, and the law society opens it from the vetting checklist.

const run = Date.now().toString(36);
const digits = String(Date.now()).slice(-6);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n");

async function pageAs(browser: Browser, role: DemoRole | null, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ ...(role ? { storageState: authFile(role) } : {}), viewport });
  return context.newPage();
}

async function pickRegion(page: Page, label: string, typed: string, option: RegExp) {
  await page.getByLabel(label).fill(typed);
  await page.getByRole("button", { name: option }).first().click();
}

test.describe.serial("an applicant's licence evidence", () => {
  const name = `孙执业${run}`;

  test("the applicant fills the form, reloads and finds the draft, attaches the licence and applies", async ({ browser }) => {
    const page = await pageAs(browser, null, { width: 390, height: 844 });
    await page.goto("/apply");
    await expect(page.getByText(/密码和所选文件不会保存/)).toBeVisible();
    await page.getByLabel("姓名").fill(name);
    await page.getByLabel("手机号码").fill("13905738888");
    await page.getByLabel("电子邮箱").fill(`licence-${run}@test.example`);
    await page.getByLabel("密码", { exact: true }).fill("a-long-password");
    await page.getByLabel("职务/职称").fill("律师");
    await page.getByLabel("执业机构").fill("浙江嘉善正源律师事务所");
    await page.getByLabel("执业证号").fill(`1330421${digits}0201`);
    await page.getByLabel("执业年限").fill("9");
    await pickRegion(page, "常驻地区", "嘉善", /^嘉善县/);
    await page.getByLabel("债权清收").check();
    await pickRegion(page, "服务地区", "嘉善", /^嘉善县/);
    await page.getByLabel("线上").check();
    await page.getByLabel("推荐人或证明人").fill("嘉善县律师协会 李秘书长 0573-84111111");

    await page.reload();
    await expect(page.getByText("已恢复您上次未提交的填写内容。")).toBeVisible();
    await expect(page.getByLabel("姓名")).toHaveValue(name);
    await expect(page.getByLabel("执业年限")).toHaveValue("9");
    await expect(page.getByLabel("债权清收")).toBeChecked();
    await expect(page.getByLabel("线上")).toBeChecked();
    await expect(page.getByRole("list", { name: "常驻地区" })).toContainText("嘉善县");
    await expect(page.getByLabel("推荐人或证明人")).toHaveValue(/李秘书长/);
    // The password is never kept in the browser.
    await expect(page.getByLabel("密码", { exact: true })).toHaveValue("");

    await page.getByLabel("密码", { exact: true }).fill("a-long-password");
    await page.getByLabel("申请说明").fill("愿为示范区企业提供合同和债务方面的法律服务。");
    await page.getByLabel("选择文件").setInputFiles({ name: "执业证.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByTestId("chosen-evidence")).toContainText("执业证.pdf");
    await page.getByRole("checkbox", { name: /我已阅读并同意/ }).check();
    await page.getByRole("button", { name: "提交申请" }).click();

    await page.waitForURL(/\/apply\/status$/);
    await expect(page.getByText("法学会正在审核您的申请。")).toBeVisible();
    await expect(page.getByTestId("application-documents")).toContainText("执业证.pdf");

    // Submitted: the draft is gone.
    await page.goto("/apply");
    await expect(page.getByLabel("姓名")).toHaveValue("");
    await expect(page.getByText("已恢复您上次未提交的填写内容。")).toHaveCount(0);
  });

  test("the law society sees the licence in the vetting checklist and opens it", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    await page.goto("/admin/applications");
    await page.getByRole("link", { name: `审核: ${name}` }).click();
    await page.waitForURL(/\/admin\/applications\/[0-9a-f-]{36}$/);
    const evidence = page.getByTestId("application-documents");
    await expect(evidence).toContainText("执业证.pdf");

    const open = evidence.getByRole("link", { name: /^打开/ });
    const opened = await page.request.get((await open.getAttribute("href"))!);
    expect(opened.status()).toBe(200);
    expect(opened.headers()["content-type"]).toBe("application/pdf");
    expect((await opened.body()).subarray(0, 5).toString()).toBe("%PDF-");

    const [download] = await Promise.all([page.waitForEvent("download"), evidence.getByRole("link", { name: /^下载/ }).click()]);
    expect(download.suggestedFilename()).toBe("执业证.pdf");

    // Nobody signed in gets nothing.
    const visitor = await pageAs(browser, null);
    expect((await visitor.request.get((await open.getAttribute("href"))!)).status()).toBe(401);
  });
});
