import { expect, test, type Browser, type Page } from "@playwright/test";
import { authFile, type DemoRole } from "./fixtures";

// Requests from filing to closure, as the people who use them: a company on a phone, a station
// for a walk-in, the law society's triage, the conversation, the expert's closure and the rating.

const run = Date.now().toString(36);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function pageAs(browser: Browser, role: DemoRole, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(role), viewport });
  return context.newPage();
}

/** Files a request through the guided form (the enterprise's steps) and returns its page URL. */
async function fileThroughForm(page: Page, title: string, options: { attachment?: boolean } = {}) {
  await page.goto("/requests/new");
  await page.getByLabel("别人欠钱不还").check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("用一句话概括").fill(title);
  await page.getByLabel("发生了什么").fill("2025 年起向两家公司供货，累计 30 张发票未付款，多次催告无果。");
  await page.getByLabel("涉及金额（元，选填）").fill("1,280,000.50");
  await expect(page.getByText("= ¥1,280,000.50")).toBeVisible();
  await page.getByLabel("对方名称").fill("嘉兴某贸易有限公司");
  await page.getByRole("button", { name: "再添加一个对方" }).click();
  await page.getByLabel("对方名称").nth(1).fill("上海某科技有限公司");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("所在地区").selectOption("330421002");
  await page.getByRole("button", { name: "下一步" }).click();
  if (options.attachment) {
    await page.getByLabel("选择文件").setInputFiles({ name: "对账单（2025）.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByText("对账单（2025）.pdf")).toBeVisible();
  }
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByRole("heading", { name: "核对提交" })).toBeVisible();
  await page.getByRole("button", { name: "确认提交" }).click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}\?filed=1$/);
  await expect(page.getByTestId("filed-notice")).toHaveText(/^诉求已提交，受理编号 JS-\d{4}-\d{5}。法学会将尽快审核。$/);
  return page.url().replace(/\?filed=1$/, "");
}

test.describe("an enterprise on a phone", () => {
  test("files a request with two counterparties and an attachment, and finds it in its list", async ({ browser }) => {
    const page = await pageAs(browser, "enterprise", { width: 390, height: 844 });
    const title = `30 张发票的货款未付 ${run}`;
    await fileThroughForm(page, title, { attachment: true });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByText("嘉兴某贸易有限公司")).toBeVisible();
    await expect(page.getByText("上海某科技有限公司")).toBeVisible();
    await expect(page.getByRole("link", { name: /下载 对账单（2025）\.pdf/ })).toBeVisible();
    await page.goto("/requests");
    await expect(page.getByRole("link", { name: title })).toBeVisible();
  });

  test("gets a half-typed request back after a reload", async ({ browser }) => {
    const page = await pageAs(browser, "enterprise", { width: 390, height: 844 });
    await page.goto("/requests/new");
    await page.getByLabel("房租、厂房租赁纠纷").check();
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByLabel("用一句话概括").fill(`厂房租金拖欠 ${run}`);
    await page.reload();
    await expect(page.getByText("已恢复上次没有提交的内容。")).toBeVisible();
    await expect(page.getByLabel("用一句话概括")).toHaveValue(`厂房租金拖欠 ${run}`);
    await page.getByRole("button", { name: "清空重填" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "确认" }).click();
    await expect(page.getByLabel("房租、厂房租赁纠纷")).not.toBeChecked();
  });
});

test("a station files for a walk-in resident and follows it", async ({ browser }) => {
  const page = await pageAs(browser, "station");
  const title = `邻里装修款纠纷 ${run}`;
  await page.goto("/requests/new");
  await page.getByLabel("来访企业或个人的名称").fill("王阿姨");
  await page.getByLabel("联系人").fill("王阿姨");
  await page.getByLabel("联系电话").fill("13800000000");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("合同出了问题").check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("用一句话概括").fill(title);
  await page.getByLabel("发生了什么").fill("装修公司收了预付款后停工。");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("所在地区").selectOption("330421002");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: "确认提交" }).click();
  await page.waitForURL(/\?filed=1$/);
  await expect(page.getByText("服务站", { exact: true })).toBeVisible();
  await expect(page.getByText("王阿姨").first()).toBeVisible();
  await page.goto("/requests");
  await expect(page.getByRole("heading", { name: "本站登记的诉求" })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("the law society returns a request, the company amends and resubmits it, and the law society accepts it", async ({ browser }) => {
  const company = await pageAs(browser, "enterprise");
  const title = `供货合同违约 ${run}`;
  const url = await fileThroughForm(company, title);

  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/triage");
  await admin.getByRole("link", { name: title }).click();
  await admin.getByLabel("退回补充").check();
  await admin.getByLabel("说明").fill("请补充发票清单和对账单。");
  await admin.getByRole("button", { name: "确认", exact: true }).click();
  await expect(admin.getByText("法学会退回了这个诉求，需要您补充：")).toBeVisible();

  await company.goto(url);
  await expect(company.getByText("请补充发票清单和对账单。").first()).toBeVisible();
  await company.getByRole("link", { name: "补充修改后重新提交" }).click();
  await company.getByRole("button", { name: "下一步" }).click();
  await company.getByLabel("发生了什么").fill("补充：共 30 张发票，清单见附件。");
  await company.getByRole("button", { name: "下一步" }).click();
  await company.getByRole("button", { name: "下一步" }).click();
  await company.getByLabel("补充说明（选填）").fill("已补充发票清单。");
  await company.getByRole("button", { name: "重新提交" }).click();
  await company.waitForURL(url);
  await expect(company.getByText("已提交", { exact: true })).toBeVisible();
  await expect(company.getByText("补充后重新提交")).toBeVisible();

  await admin.goto(url);
  await admin.getByRole("button", { name: "确认", exact: true }).click();
  await expect(admin.getByText("法学会受理，进入匹配")).toBeVisible();
});

test("the company and the expert talk on the case, the expert resolves it, and the company confirms and rates it", async ({ browser }) => {
  // Three people and some twenty page loads: more than the default minute on a busy machine.
  test.slow();
  const company = await pageAs(browser, "enterprise");
  const title = `直播带货结算纠纷 ${run}`;
  const url = await fileThroughForm(company, title);
  const requestId = url.split("/").pop()!;

  // Triage and routing by the law society, acceptance by the expert (their own journeys are elsewhere).
  const admin = await pageAs(browser, "admin");
  const expert = await pageAs(browser, "expert", { width: 390, height: 844 });
  const { expertId } = (await (await expert.request.get("/api/v1/me")).json()) as { expertId: string };
  expect((await admin.request.post(`/api/v1/requests/${requestId}/triage`, { data: { decision: "accept" } })).status()).toBe(200);
  const offer = await admin.request.post(`/api/v1/requests/${requestId}/route`, { data: { expertId } });
  const { offerId } = (await offer.json()) as { offerId: string };
  expect((await expert.request.post(`/api/v1/offers/${offerId}/accept`, { data: {} })).status()).toBe(200);

  await company.goto(url);
  await company.getByLabel("留言").fill("您好，合同和对账单已上传，什么时候方便面谈？");
  await company.getByRole("button", { name: "发送" }).click();
  await expect(company.getByText("您好，合同和对账单已上传，什么时候方便面谈？")).toBeVisible();

  await expert.goto(url);
  await expect(expert.getByText("您好，合同和对账单已上传，什么时候方便面谈？")).toBeVisible();
  await expert.getByLabel("留言").fill("收到，周三上午在罗星街道服务站面谈。");
  await expert.getByRole("button", { name: "发送" }).click();
  await expect(expert.getByText("收到，周三上午在罗星街道服务站面谈。")).toBeVisible();
  await expert.getByRole("button", { name: "开始办理" }).click();
  await expect(expert.getByText("专家开始办理")).toBeVisible();
  await expert.getByLabel("办理结果").fill("经调解，对方确认欠款并已付清。");
  await expert.getByRole("button", { name: "办结" }).click();
  await expert.getByRole("button", { name: "确认", exact: true }).click();
  await expect(expert.getByText("如 14 天内未确认，系统将自动结案。")).toBeVisible();

  await company.goto("/inbox");
  await expect(company.getByText(new RegExp(`在“${title}”中留言`)).first()).toBeVisible();
  await company.goto(url);
  await expect(company.getByText("收到，周三上午在罗星街道服务站面谈。")).toBeVisible();
  await company.getByRole("button", { name: "确认并结案" }).click();
  await expect(company.getByText("请选择 1 到 5 星。")).toBeVisible();
  await company.getByRole("radio", { name: "5 星" }).check();
  await company.getByLabel("评价（选填）").fill("专家很专业，效率高。");
  await company.getByRole("button", { name: "确认并结案" }).click();
  await expect(company.getByText("已结案", { exact: true })).toBeVisible();
  await expect(company.getByText("专家很专业，效率高。").first()).toBeVisible();
});
