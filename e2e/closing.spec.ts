import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { authFile, type DemoRole } from "./fixtures";

// Closing only after seeing the result: the company reads the outcome and the ledger before the
// closing card; while it has a query open on a payment, closing asks it to settle it or close
// anyway; and it can object, which sends the case back to the expert.

const run = Date.now().toString(36);

async function pageAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(role), viewport: { width: 1366, height: 900 } });
  return context.newPage();
}

async function ok<T>(response: Promise<import("@playwright/test").APIResponse>, status = 200): Promise<T> {
  const answer = await response;
  expect(answer.status(), await answer.text()).toBe(status);
  return (await answer.json()) as T;
}

/** A case of the demo company that the demo expert resolved, with one payment the company queried (all through the API). */
async function resolvedCaseWithQueriedPayment(browser: Browser, title: string) {
  const [company, admin, expert] = await Promise.all([pageAs(browser, "enterprise"), pageAs(browser, "admin"), pageAs(browser, "expert")]);
  const api = (p: Page): APIRequestContext => p.request;
  const { id } = await ok<{ id: string }>(
    api(company).post("/api/v1/requests", {
      data: {
        title,
        category: "debt_collection",
        specialties: ["debt_collection"],
        description: "供货后对方拖欠货款。",
        counterparties: [{ name: `嘉兴某纺织品公司${run}` }],
        amountAtStakeFen: 20_000_000,
        regionCode: "330421002",
      },
    }),
    201,
  );
  await ok(api(admin).post(`/api/v1/requests/${id}/triage`, { data: { decision: "accept" } }));
  const { expertId } = await ok<{ expertId: string }>(api(expert).get("/api/v1/me"));
  const { offerId } = await ok<{ offerId: string }>(api(admin).post(`/api/v1/requests/${id}/route`, { data: { expertId } }), 201);
  await ok(api(expert).post(`/api/v1/offers/${offerId}/accept`));
  const dispute = await ok<{ id: string }>(
    api(expert).post(`/api/v1/requests/${id}/disputes`, {
      data: { counterparty: { name: `嘉兴某纺织品公司${run}` }, kind: "receivable", claimedFen: 20_000_000 },
    }),
    201,
  );
  const entry = await ok<{ id: string }>(
    api(expert).post(`/api/v1/disputes/${dispute.id}/recoveries`, {
      data: { amountFen: 5_000_000, receivedOn: "2026-01-05", method: "negotiation" },
    }),
    201,
  );
  await ok(api(expert).patch(`/api/v1/disputes/${dispute.id}`, { data: { status: "resolved", resolutionMethod: "negotiation" } }));
  await ok(api(expert).post(`/api/v1/requests/${id}/resolve`, { data: { summary: `对方已付 5 万元，余款和解 ${run}` } }));
  await ok(api(company).post(`/api/v1/recoveries/${entry.id}/response`, { data: { response: "queried", note: "只收到 3 万元" } }));
  await Promise.all([company, admin, expert].map((p) => p.context().close()));
  return id;
}

test("the company reads the outcome and the money first, cannot close over an open query by accident, and objects", async ({ browser }) => {
  const title = `结案前看结果 ${run}`;
  const id = await resolvedCaseWithQueriedPayment(browser, title);
  const company = await pageAs(browser, "enterprise");
  await company.goto(`/requests/${id}`);

  // The outcome and the ledger come before the closing card.
  const outcome = company.getByText(`对方已付 5 万元，余款和解 ${run}`).first();
  const ledger = company.getByRole("heading", { name: "纠纷与回款" });
  const closing = company.getByRole("heading", { name: "确认结果并评价" });
  await expect(outcome).toBeVisible();
  const y = async (l: typeof outcome) => (await l.boundingBox())!.y;
  expect(await y(outcome)).toBeLessThan(await y(closing));
  expect(await y(ledger)).toBeLessThan(await y(closing));

  // An open query: closing without saying so is refused, with what to do.
  await expect(company.getByText(/您对 1 笔回款提出了疑问/)).toBeVisible();
  await company.getByRole("radio", { name: "4 星" }).check();
  await company.getByRole("button", { name: "确认并结案" }).click();
  await expect(company.getByText(/还有您提出疑问的回款没有解决/).first()).toBeVisible();

  // Object instead: the case goes back to the expert.
  await company.getByLabel("不同意的理由").fill("余款 15 万元还没有到账，和解协议也没有签。");
  await company.getByRole("button", { name: "不同意结果，退回专家" }).click();
  await company.getByRole("button", { name: "确认", exact: true }).click();
  await expect(company.getByText("办理中").first()).toBeVisible();
  await expect(company.getByText("企业不同意结果，退回专家继续办理")).toBeVisible();

  // The expert has it back in progress, with the reason, and was told.
  const expert = await pageAs(browser, "expert");
  await expert.goto(`/requests/${id}`);
  await expect(expert.getByText("办理中").first()).toBeVisible();
  await expect(expert.getByText("余款 15 万元还没有到账，和解协议也没有签。")).toBeVisible();
  await expect(expert.getByRole("button", { name: "办结", exact: true })).toBeVisible();
  await expert.goto("/inbox");
  await expect(expert.getByText(`企业对“${title}”的办理结果有异议，案件已退回专家继续办理。`).first()).toBeVisible();

  // Resolved again; the company closes anyway, saying so.
  await ok(expert.request.post(`/api/v1/requests/${id}/resolve`, { data: { summary: "余款已约定分期支付。" } }));
  await company.goto(`/requests/${id}`);
  await company.getByRole("radio", { name: "3 星" }).check();
  await company.getByLabel("我知道仍有疑问未解决，仍然结案（会记录在案）").check();
  await company.getByRole("button", { name: "确认并结案" }).click();
  await expect(company.getByText("已结案", { exact: true })).toBeVisible();
});
