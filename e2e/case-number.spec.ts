import { expect, test, type Browser, type Page } from "@playwright/test";
import { authFile, type DemoRole } from "./fixtures";

// 受理编号 and 受理回执 on a phone: a station files for a walk-in, reads the case number and prints
// the receipt; a company files, lands on its request with the number, and is told which file to
// upload again when one did not go up.

const run = Date.now().toString(36);
const phone = { width: 390, height: 844 };
const CASE_NUMBER = /^JS-\d{4}-\d{5}$/;

async function pageAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(role), viewport: phone });
  return context.newPage();
}

/** The case number in the request page's header. */
async function caseNumberOf(page: Page): Promise<string> {
  const text = (await page.getByTestId("case-number").textContent()) ?? "";
  const number = text.replace(/^受理编号\s*/, "").trim();
  expect(number).toMatch(CASE_NUMBER);
  return number;
}

test("a station files a walk-in, reads out the case number and prints the receipt", async ({ browser }) => {
  const page = await pageAs(browser, "station");
  const title = `装修预付款纠纷 ${run}`;
  await page.goto("/requests/new");
  await page.getByLabel("来访企业或个人的名称").fill("李阿姨");
  await page.getByLabel("联系人").fill("李阿姨");
  await page.getByLabel("联系电话").fill("13800000001");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("合同出了问题").check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("用一句话概括").fill(title);
  await page.getByLabel("发生了什么").fill("装修公司收了预付款后停工。");
  await page.getByLabel("对方名称").fill("嘉善某装饰工程有限公司");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("所在地区").selectOption("330421002");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: "确认提交" }).click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}\?filed=1$/);

  const number = await caseNumberOf(page);
  const notice = page.getByTestId("filed-notice");
  await expect(notice).toContainText(`已为来访者登记诉求，受理编号 ${number}。`);
  await notice.getByRole("link", { name: "打印受理回执" }).click();
  await page.waitForURL(/\/receipt$/);

  await expect(page.getByRole("heading", { level: 1, name: "受理回执" })).toBeVisible();
  await expect(page.getByTestId("receipt-case-number")).toHaveText(number);
  await expect(page.getByText(title)).toBeVisible();
  await expect(page.getByText("嘉善某装饰工程有限公司")).toBeVisible();
  await expect(page.getByText(/拨打 12348/)).toBeVisible();
  await expect(page.getByRole("button", { name: "打印回执" })).toBeVisible();
  // one page on A4 when printed
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "打印回执" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // the clerk finds it again by the number read over the phone (without the leading zeros too)
  const [prefix, year, sequence] = number.split("-");
  await page.goto(`/requests?q=${encodeURIComponent(`${prefix!.toLowerCase()}-${year}-${Number(sequence)}`)}`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "搜索" })).toHaveValue(`${prefix!.toLowerCase()}-${year}-${Number(sequence)}`);
});

test("a company files, lands on its request with the case number, and is told which file to upload again", async ({ browser }) => {
  const page = await pageAs(browser, "enterprise");
  const title = `仓储费拖欠 ${run}`;
  await page.goto("/requests/new");
  await page.getByLabel("别人欠钱不还").check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("用一句话概括").fill(title);
  await page.getByLabel("发生了什么").fill("对方租用仓库一年，仓储费至今未付。");
  await page.getByLabel("对方名称").fill("嘉兴某物流有限公司");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("所在地区").selectOption("330421002");
  await page.getByRole("button", { name: "下一步" }).click();
  // named .pdf but not a PDF: the server refuses it after the request is filed
  await page.getByLabel("选择文件").setInputFiles({ name: "仓储合同.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a pdf at all") });
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: "确认提交" }).click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}\?filed=1$/);

  const number = await caseNumberOf(page);
  await expect(page.getByTestId("filed-notice")).toHaveText(`诉求已提交，受理编号 ${number}。法学会将尽快审核。`);
  const failures = page.getByTestId("upload-failures");
  await expect(failures).toContainText("仓储合同.pdf");
  await failures.getByRole("link", { name: "重新上传材料" }).click();
  await expect(page.getByText("上传材料").first()).toBeVisible();

  // the company is told in its inbox, with the number
  await page.goto("/inbox");
  await expect(page.getByText(`您的诉求“${title}”已受理，受理编号 ${number}。`)).toBeVisible();
  // and finds it in its list by the number
  await page.goto(`/requests?q=${number}`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByText(number).first()).toBeVisible();
});
