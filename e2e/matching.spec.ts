import { expect, test, type Browser, type Page } from "@playwright/test";
import { authFile, setLanguage, type DemoRole } from "./fixtures";

// Matching that understands the request: the company may skip specialties (or pick the wrong
// category); the admin corrects them while triaging, the timeline says what changed, and the
// candidates' reasons speak plainly: figures an expert has not earned read "暂无记录".

const run = Date.now().toString(36);

async function pageAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(role), viewport: { width: 1366, height: 900 } });
  return context.newPage();
}

/** A 直播带货 request the demo company files through the API, unsure of the category and with no specialty. */
async function fileUnsure(browser: Browser, title: string, category: string): Promise<string> {
  const enterprise = await pageAs(browser, "enterprise");
  const filed = await enterprise.request.post("/api/v1/requests", {
    data: {
      title,
      category,
      specialties: [],
      description: "直播带货平台以退货率为由扣留结算款，多次沟通未果。",
      counterparties: [{ name: `杭州某直播科技有限公司${run}` }],
      amountAtStakeFen: 38_000_000,
      urgency: "normal",
      regionCode: "330421002",
    },
  });
  expect(filed.status()).toBe(201);
  const { id } = (await filed.json()) as { id: string };
  await enterprise.context().close();
  return id;
}

test("an admin corrects the category and specialties while triaging, and reads plain reasons for the candidates", async ({ browser }) => {
  const requestId = await fileUnsure(browser, `直播带货平台结算纠纷 ${run}`, "contract_dispute");
  const admin = await pageAs(browser, "admin");
  await admin.goto(`/requests/${requestId}`);

  const triage = admin.locator("section", { has: admin.getByRole("heading", { name: "分诊", exact: true }) });
  await triage.getByText("调整类别和所需专业").click();
  await triage.getByLabel("类别", { exact: true }).selectOption({ label: "电商与直播带货" });
  await triage.getByRole("checkbox", { name: "电子商务与直播" }).check();
  await triage.getByRole("button", { name: "确认" }).click();

  // The timeline says what was corrected, with the decision.
  const timeline = admin.locator("section", { has: admin.getByRole("heading", { name: "办理进程", exact: true }) });
  await expect(timeline.getByText("类别：合同纠纷 → 电商与直播带货")).toBeVisible();
  await expect(timeline.getByText("所需专业：未选择 → 电子商务与直播")).toBeVisible();

  // The candidates: the e-commerce experts, with reasons a person can read.
  const panel = admin.locator("section", { has: admin.getByRole("heading", { name: "派单", exact: true }) });
  await expect(panel.getByRole("heading", { name: /候选专家（\d+）/ })).toBeVisible();
  const first = panel.getByTestId("candidate").first();
  await expect(first).toContainText("覆盖所需专业领域 1/1");
  await expect(panel).toContainText(/暂无服务记录|暂无记录/);
  await expect(panel).not.toContainText("先验");

  // And in English.
  await setLanguage(admin, "en");
  const timelineEn = admin.locator("section", { has: admin.getByRole("heading", { name: "Progress", exact: true }) });
  await expect(timelineEn).toContainText("Specialties needed: none chosen → E-commerce and live streaming");
  const panelEn = admin.locator("section", { has: admin.getByRole("heading", { name: "Routing", exact: true }) });
  await expect(panelEn).toContainText(/no record yet/i);
  await expect(panelEn).not.toContainText(/prior/i);
  await setLanguage(admin, "zh-CN");
  await admin.context().close();
});

test("a request with no specialty is matched by its category: the e-commerce expert comes first", async ({ browser }) => {
  const requestId = await fileUnsure(browser, `直播带货退货争议 ${run}`, "ecommerce");
  const admin = await pageAs(browser, "admin");
  expect((await admin.request.post(`/api/v1/requests/${requestId}/triage`, { data: { decision: "accept" } })).status()).toBe(200);
  await admin.goto(`/requests/${requestId}`);
  const panel = admin.locator("section", { has: admin.getByRole("heading", { name: "派单", exact: true }) });
  const first = panel.getByTestId("candidate").first();
  await expect(first).toContainText("企业未选专业领域，按诉求类别通常所需的专业领域计：覆盖 1/1");
  await expect(panel).not.toContainText("先验");
  await admin.context().close();
});
