import { expect, test, type Browser, type Page } from "@playwright/test";
import { authFile, type DemoRole } from "./fixtures";

// Matching as the people who do it: the law society reviews the ranked candidates and routes;
// the expert answers on a phone, and a decline moves the offer on to the next expert.

const run = Date.now().toString(36);
const phone = { width: 390, height: 844 };

async function pageAs(browser: Browser, role: DemoRole, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(role), viewport });
  return context.newPage();
}

/** A fresh request of the demo company, filed and triaged through the API (not what is tested here). */
async function triagedRequest(browser: Browser, title: string): Promise<string> {
  const enterprise = await pageAs(browser, "enterprise");
  const filed = await enterprise.request.post("/api/v1/requests", {
    data: {
      title,
      category: "debt_collection",
      specialties: ["debt_collection", "contract"],
      description: "供货后对方拖欠货款，多次催告未果。",
      counterparties: [{ name: `湖州某建材有限公司${run}` }],
      amountAtStakeFen: 35_000_000,
      urgency: "normal",
      regionCode: "330421002",
    },
  });
  expect(filed.status()).toBe(201);
  const { id } = (await filed.json()) as { id: string };
  const admin = await pageAs(browser, "admin");
  expect((await admin.request.post(`/api/v1/requests/${id}/triage`, { data: { decision: "accept" } })).status()).toBe(200);
  await enterprise.context().close();
  await admin.context().close();
  return id;
}

/** The admin offers the request to the demo expert (pinned), so the expert's side can be walked. */
async function offerToDemoExpert(browser: Browser, requestId: string) {
  const expert = await pageAs(browser, "expert");
  const { expertId } = (await (await expert.request.get("/api/v1/me")).json()) as { expertId: string };
  await expert.context().close();
  const admin = await pageAs(browser, "admin");
  const offered = await admin.request.post(`/api/v1/requests/${requestId}/route`, { data: { expertId } });
  expect(offered.status()).toBe(201);
  await admin.context().close();
}

test("an admin reviews the ranked candidates with their reasons, and routes the request", async ({ browser }) => {
  const requestId = await triagedRequest(browser, `候选专家排名 ${run}`);
  const admin = await pageAs(browser, "admin");
  await admin.goto(`/requests/${requestId}`);
  const panel = admin.locator("section", { has: admin.getByRole("heading", { name: "派单", exact: true }) });
  await expect(panel.getByRole("heading", { name: /候选专家（\d+）/ })).toBeVisible();
  const first = panel.getByTestId("candidate").first();
  await expect(first).toContainText("#1");
  await expect(first).toContainText(/得分 \d+/);
  await expect(first).toContainText("覆盖所需专业领域");
  await first.getByText("得分构成").click();
  await expect(first.getByText("专业匹配")).toBeVisible();
  await panel.getByText(/不符合条件（\d+）/).click();
  await expect(panel.getByTestId("excluded-candidate").first()).toBeVisible();

  const name = (await first.getByRole("link").textContent())?.trim() ?? "";
  await panel.getByRole("button", { name: "自动派给排名第一的专家" }).click();
  await expect(panel.getByText(`已向 ${name} 发出邀请`)).toBeVisible();
  await expect(panel.getByTestId("offer-history-item").filter({ hasText: name }).getByText("待答复", { exact: true })).toBeVisible();
  await expect(panel.getByTestId("offer-history-item").filter({ hasText: name })).toContainText("自动派单");
});

test.describe("the expert on a phone", () => {
  test.use({ viewport: phone });

  // Other journeys give the demo expert cases too: the expert makes room, as experts do, on their profile.
  test.beforeAll(async ({ browser }) => {
    const expert = await pageAs(browser, "expert");
    await expert.goto("/profile");
    await expert.getByLabel("接案上限").fill("40");
    await expert.getByRole("button", { name: "保存资料" }).click();
    await expect(expert.getByTestId("form-alert")).toHaveText("已保存。");
    await expert.context().close();
  });

  test("declines with a reason, and the offer moves on to the next expert", async ({ browser }) => {
    const title = `婉拒后顺延 ${run}`;
    const requestId = await triagedRequest(browser, title);
    await offerToDemoExpert(browser, requestId);

    const expert = await pageAs(browser, "expert", phone);
    await expert.goto("/offers");
    const card = expert.getByTestId("offer-card").filter({ hasText: title });
    await expect(card.getByRole("timer")).toBeVisible();
    await expect(card.getByText(`湖州某建材有限公司${run}`)).toBeVisible();
    await card.getByRole("button", { name: "婉拒" }).click();
    await card.getByLabel("婉拒原因").selectOption("capacity");
    await card.getByLabel("补充说明").fill("本月案件已满");
    await card.getByRole("button", { name: "确认婉拒" }).click();
    await expect(expert.getByTestId("offer-row").filter({ hasText: title })).toContainText("已婉拒");

    const admin = await pageAs(browser, "admin");
    await admin.goto(`/requests/${requestId}`);
    const history = admin.getByTestId("offer-history-item");
    await expect(history.filter({ hasText: "沈文博" })).toContainText("已婉拒");
    await expect(history.filter({ hasText: "沈文博" })).toContainText("本月案件已满");
    await expect(history.getByText("待答复", { exact: true })).toHaveCount(1);
    await expect(admin.getByText(/已向 .+ 发出邀请/)).toBeVisible();
  });

  test("sees the counterparties first and accepts in one tap", async ({ browser }) => {
    const title = `手机接受邀请 ${run}`;
    const requestId = await triagedRequest(browser, title);
    await offerToDemoExpert(browser, requestId);

    const expert = await pageAs(browser, "expert", phone);
    await expert.goto("/offers");
    const card = expert.getByTestId("offer-card").filter({ hasText: title });
    await expect(card.getByText("对方当事人")).toBeVisible();
    await expect(card.getByText("附件在接受邀请后可见。")).toBeVisible();
    await card.getByRole("button", { name: "接受" }).click();
    // straight on to the accepted case, which says so
    await expect(expert).toHaveURL(new RegExp(`/requests/${requestId}\\?accepted=1$`));
    await expect(expert.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(expert.getByTestId("form-alert")).toContainText("您已接受此案件。");
    await expect(expert.getByRole("button", { name: "开始办理" })).toBeVisible();
    // and the offers list keeps it, accepted, with a link to it
    await expert.goto("/offers");
    const row = expert.getByTestId("offer-row").filter({ hasText: title });
    await expect(row).toContainText("已接受");
    await row.getByRole("link", { name: title }).click();
    await expect(expert).toHaveURL(new RegExp(`/requests/${requestId}$`));
  });
});
