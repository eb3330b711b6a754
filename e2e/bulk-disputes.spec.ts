import { expect, test, type APIResponse, type Browser, type Page } from "@playwright/test";
import { authFile, type DemoRole } from "./fixtures";

// Thirty disputes without thirty forms: the expert on an in-progress case pastes rows from a
// spreadsheet into one table; a wrong row is named and nothing is saved until it is fixed. The
// status control asks for a choice instead of pre-selecting one, and the page has no duplicate ids.
// The case is this spec's own (filed, routed and accepted through the API), and it is closed at the
// end, so the demo expert's caseload is as other journeys expect.

const run = Date.now().toString(36);
const names = [`嘉兴禾丰纺织品贸易有限公司${run}`, `平湖永顺物流有限公司${run}`, `海宁恒远皮革制品厂${run}`];

async function pageAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(role), viewport: { width: 1366, height: 900 } });
  return context.newPage();
}

async function ok<T>(response: Promise<APIResponse>, status = 200): Promise<T> {
  const answer = await response;
  expect(answer.status(), await answer.text()).toBe(status);
  return (await answer.json()) as T;
}

/** A case of the demo company with three counterparties, accepted by the demo expert and in progress (one dispute already). */
async function caseInProgress(browser: Browser): Promise<string> {
  const [company, admin, expert] = await Promise.all([pageAs(browser, "enterprise"), pageAs(browser, "admin"), pageAs(browser, "expert")]);
  const { id } = await ok<{ id: string }>(
    company.request.post("/api/v1/requests", {
      data: {
        title: `多家客户拖欠货款集中追收 ${run}`,
        category: "debt_collection",
        specialties: ["debt_collection"],
        description: "三家客户拖欠货款，需要逐一登记追收。",
        counterparties: names.map((name) => ({ name })),
        amountAtStakeFen: 30_000_000,
        regionCode: "330421002",
      },
    }),
    201,
  );
  await ok(admin.request.post(`/api/v1/requests/${id}/triage`, { data: { decision: "accept" } }));
  const { expertId } = await ok<{ expertId: string }>(expert.request.get("/api/v1/me"));
  const { offerId } = await ok<{ offerId: string }>(admin.request.post(`/api/v1/requests/${id}/route`, { data: { expertId } }), 201);
  await ok(expert.request.post(`/api/v1/offers/${offerId}/accept`));
  await ok(
    expert.request.post(`/api/v1/requests/${id}/disputes`, {
      data: { counterparty: { name: `先行登记的相对方${run}` }, kind: "contract", claimedFen: 100_000 },
    }),
    201,
  );
  await Promise.all([company, admin, expert].map((p) => p.context().close()));
  return id;
}

async function disputesOf(page: Page, requestId: string) {
  return ok<{ items: { id: string; counterpartyName: string; claimedFen: number; kind: string; status: string }[] }>(
    page.request.get(`/api/v1/requests/${requestId}/disputes`),
  );
}

async function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll("[id]")) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
}

/** Ends the spec's case (every dispute resolved, the case resolved and confirmed): the demo expert has a slot free again. */
async function closeCase(browser: Browser, requestId: string) {
  const [company, expert] = await Promise.all([pageAs(browser, "enterprise"), pageAs(browser, "expert")]);
  for (const dispute of (await disputesOf(expert, requestId)).items) {
    await ok(expert.request.patch(`/api/v1/disputes/${dispute.id}`, { data: { status: "resolved", resolutionMethod: "negotiation" } }));
  }
  await ok(expert.request.post(`/api/v1/requests/${requestId}/resolve`, { data: { summary: "各家客户均已协商还款。" } }));
  await ok(company.request.post(`/api/v1/requests/${requestId}/confirm`, { data: { rating: 5 } }));
  await Promise.all([company, expert].map((p) => p.context().close()));
}

let requestId: string | undefined;
test.afterAll(async ({ browser }) => {
  if (requestId) await closeCase(browser, requestId);
});

test.describe("the assigned expert", () => {
  test.use({ storageState: authFile("expert") });

  test("pastes three disputes, is told which row is wrong with nothing saved, fixes it and saves all three", async ({ page, browser }) => {
    requestId = await caseInProgress(browser);
    await page.goto(`/requests/${requestId}`);
    const panel = page.locator("section").filter({ has: page.getByRole("heading", { name: "纠纷与回款" }) });
    await expect(panel.getByText("显示 1 / 1 件")).toBeVisible();

    await panel.getByRole("button", { name: "批量录入纠纷" }).click();
    // the request's counterparties are offered on every row
    const offered = await panel
      .getByLabel("第 1 行 相对方名称")
      .evaluate((input) => Array.from((input as HTMLInputElement).list?.options ?? [], (o) => o.value));
    expect(offered.sort()).toEqual([...names].sort());

    await panel
      .getByLabel("从表格粘贴")
      .fill(`相对方\t金额\t类型\n${names[0]}\t125,000.50\t应收账款\n${names[1]}\t8800.123\t合同\n${names[2]}\t36000\t其他\n`);
    await panel.getByRole("button", { name: "填入表格" }).click();
    await expect(panel.getByText("已填入 3 行，请核对后登记。")).toBeVisible();
    await expect(panel.getByLabel("第 2 行 相对方名称")).toHaveValue(names[1]!);
    await expect(panel.getByLabel("第 2 行 纠纷类型")).toHaveValue("contract");

    await panel.getByRole("button", { name: "登记 3 件纠纷" }).click();
    const alert = panel.getByTestId("form-alert");
    await expect(alert).toContainText("有 1 行需要修改");
    await expect(alert).toContainText("第 2 行：金额最多两位小数。");
    const amount = panel.getByLabel("第 2 行 主张金额（元）");
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toHaveAccessibleDescription("金额最多两位小数。");
    expect((await disputesOf(page, requestId)).items).toHaveLength(1);

    await amount.fill("8800.12");
    await panel.getByRole("button", { name: "登记 3 件纠纷" }).click();
    await expect(panel.getByText("已登记 3 件纠纷。")).toBeVisible();
    await expect(panel.getByText("显示 4 / 4 件")).toBeVisible();
    for (const name of names) await expect(panel.getByRole("row").filter({ hasText: name })).toBeVisible();
    const saved = (await disputesOf(page, requestId)).items.filter((d) => names.includes(d.counterpartyName));
    expect(saved).toHaveLength(3);
    expect(saved.map((d) => [d.counterpartyName, d.claimedFen, d.kind])).toEqual(
      expect.arrayContaining([
        [names[0], 12_500_050, "receivable"],
        [names[1], 880_012, "contract"],
        [names[2], 3_600_000, "other"],
      ]),
    );

    // The status control pre-selects nothing: saving without a choice changes nothing and says what is missing.
    const row = panel.getByRole("row").filter({ hasText: names[0]! });
    await row.getByRole("button", { name: /台账/ }).click();
    const status = panel.getByLabel("新状态");
    await expect(status.locator("option:checked")).toHaveText("请选择…");
    await panel.getByRole("button", { name: "保存状态" }).click();
    await expect(panel.getByText("请选择新状态。")).toBeVisible();
    await expect(status).toHaveAttribute("aria-invalid", "true");
    await expect(row).toContainText("待处理");
    expect((await disputesOf(page, requestId)).items.every((d) => d.status === "open")).toBe(true);

    // Several dispute forms on one page, every id once.
    await panel.getByRole("row").filter({ hasText: names[1]! }).getByRole("button", { name: /台账/ }).click();
    await expect(panel.getByLabel("新状态")).toHaveCount(2);
    // each click turns an opening button into that form's own submit button
    await panel.getByRole("button", { name: "登记回款" }).last().click();
    await panel.getByRole("button", { name: "登记回款" }).first().click();
    await expect(panel.getByLabel("到账金额（元）")).toHaveCount(2);
    await panel.getByRole("button", { name: "新增纠纷", exact: true }).click();
    await panel.getByRole("button", { name: "批量录入纠纷" }).click();
    await expect(panel.getByLabel("第 1 行 相对方名称")).toBeVisible();
    expect(await duplicateIds(page)).toEqual([]);
  });
});
