import { expect, test, type APIResponse, type Browser, type Page } from "@playwright/test";
import { authFile, setLanguage, signIn, type DemoRole } from "./fixtures";
import { fileReferral, validIdNumber } from "./referral-filing";

// Joint consultation (会诊): a government body's referral is filed and held by an expert, who invites
// two colleagues (a panel of three); each signs in and accepts; a member adds a note and a message;
// the lead records the panel's opinion agreed by both; once resolved, the reply letter to the
// referring body names the panel and its opinion. On a phone, in English, a company's case gets a
// member the company sees. Each attempt works on a case of its own.

async function ok<T>(response: Promise<APIResponse>, status = 200): Promise<T> {
  const answer = await response;
  expect(answer.status(), await answer.text()).toBe(status);
  return (await answer.json()) as T;
}

async function pageAs(browser: Browser, role: DemoRole, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(role), viewport });
  return context.newPage();
}

interface PanelCase {
  id: string;
  title: string;
  /** Two experts with a current appointment and no conflict with the company, other than the lead. */
  colleagues: { expertId: string; name: string; email: string }[];
}

/** A hotline call of the demo company, filed by the admin through the API (its credit code joins the company's account). */
async function fileCompanyCall(browser: Browser, admin: Page, title: string): Promise<string> {
  const company = await pageAs(browser, "enterprise");
  const own = await ok<{ items: { id: string }[] }>(company.request.get("/api/v1/requests"));
  const known = await ok<{ enterpriseName: string; enterpriseCreditCode: string }>(company.request.get(`/api/v1/requests/${own.items[0]!.id}`));
  await company.context().close();
  const { id } = await ok<{ id: string }>(
    admin.request.post("/api/v1/requests", {
      data: {
        channel: "hotline",
        title,
        category: "contract_dispute",
        description: "来电称供货合同履行争议较大，金额高，希望多位专家会诊。",
        regionCode: "330421002",
        enterprise: { name: known.enterpriseName, creditCode: known.enterpriseCreditCode, contactName: "王经理", contactPhone: "13800000031" },
      },
    }),
    201,
  );
  return id;
}

/**
 * The one place the journey's cases come from: a case the admin files (`file`), triaged, offered to
 * the demo expert (the lead) and accepted; then two colleagues the matching would offer it to (so
 * appointed and free of conflicts), with their sign-in e-mails.
 */
async function caseWithLead(browser: Browser, title: string, file: (admin: Page) => Promise<string>): Promise<PanelCase> {
  const [admin, expert] = await Promise.all([pageAs(browser, "admin"), pageAs(browser, "expert")]);
  const id = await file(admin);
  await ok(admin.request.post(`/api/v1/requests/${id}/triage`, { data: { decision: "accept" } }));
  const { expertId: leadId } = await ok<{ expertId: string }>(expert.request.get("/api/v1/me"));
  const { offerId } = await ok<{ offerId: string }>(admin.request.post(`/api/v1/requests/${id}/route`, { data: { expertId: leadId } }), 201);
  await ok(expert.request.post(`/api/v1/offers/${offerId}/accept`));
  const candidates = await ok<{ expertId: string; name: string; excluded: boolean }[]>(admin.request.get(`/api/v1/requests/${id}/candidates`));
  const experts: { email: string; expertId?: string | null }[] = [];
  for (let page = 1; page < 20; page++) {
    const { items } = await ok<{ items: { email: string; expertId?: string | null }[] }>(admin.request.get(`/api/v1/users?role=expert&page=${page}`));
    if (!items.length) break;
    experts.push(...items);
  }
  const colleagues = candidates
    .filter((c) => !c.excluded && c.expertId !== leadId)
    .map((c) => ({ expertId: c.expertId, name: c.name, email: experts.find((e) => e.expertId === c.expertId)?.email ?? "" }))
    .filter((c) => /^expert\d+@demo\.example$/.test(c.email))
    .slice(0, 2);
  expect(colleagues).toHaveLength(2);
  await Promise.all([admin, expert].map((p) => p.context().close()));
  return { id, title, colleagues };
}

/** Resolves and closes the journey's case, so the demo expert's caseload is as other journeys expect. */
async function closeCase(browser: Browser, id: string) {
  const [company, expert] = await Promise.all([pageAs(browser, "enterprise"), pageAs(browser, "expert")]);
  await ok(expert.request.post(`/api/v1/requests/${id}/resolve`, { data: { summary: "会诊后双方达成和解。" } }));
  await ok(company.request.post(`/api/v1/requests/${id}/confirm`, { data: { rating: 5 } }));
  await Promise.all([company, expert].map((p) => p.context().close()));
}

async function inviteOnPage(lead: Page, colleague: { expertId: string; name: string }) {
  const card = lead.getByTestId("panel-card");
  // found by name: the suggestions are the case's best suited, which need not include them
  await card.getByRole("searchbox", { name: /^(按姓名查找专家|Find an expert by name)$/ }).fill(colleague.name);
  await card.getByRole("button", { name: /^(查找|Find)$/ }).click();
  await expect(card.getByTestId("panel-invite-choices")).toContainText(colleague.name);
  await card.locator('select[name="expertId"]').selectOption(colleague.expertId);
  await card.getByRole("button", { name: /^(发出邀请|Send invitation)$/ }).click();
  await expect(card.getByTestId("panel-members").getByText(colleague.name)).toBeVisible();
}

async function acceptAs(
  browser: Browser,
  email: string,
  requestId: string,
  title: string,
  viewport?: { width: number; height: number },
  english = false,
) {
  const context = await browser.newContext({ viewport: viewport ?? { width: 1366, height: 900 } });
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL(/\/portal/);
  if (english) await setLanguage(page, "en");
  // The invitation waits on the expert's home.
  await page.goto("/portal");
  await page.getByTestId("panel-invitations").getByRole("link", { name: title }).click();
  await page.waitForURL(new RegExp(`/requests/${requestId}`));
  await page.getByRole("button", { name: /^(接受邀请|Accept invitation)$/ }).click();
  await expect(page.getByTestId("panel-card").getByRole("heading", { name: /^(内部备注|Internal notes)$/ })).toBeVisible();
  return page;
}

test.describe.configure({ mode: "serial" });

test("a referral with a panel of three: invitations accepted, a note and a message, an opinion agreed by both, on the reply letter", async ({
  browser,
}) => {
  // Four people sign in, one files through the whole form: more than the usual minute on a busy machine.
  test.slow();
  const run = `${Date.now().toString(36)}-${test.info().retry}`;
  const title = `信访转办：加工费拖欠会诊 ${run}`;
  const body = `嘉善县信访局${run}`;
  const { id, colleagues } = await caseWithLead(browser, title, (admin) =>
    fileReferral(admin, {
      title,
      body,
      reference: `善信转〔2026〕会${test.info().retry + 1}号`,
      personName: "李强",
      idNumber: validIdNumber(Date.now() % 100000),
    }),
  );
  const [a, b] = colleagues as [PanelCase["colleagues"][number], PanelCase["colleagues"][number]];

  const lead = await pageAs(browser, "expert");
  await lead.goto(`/requests/${id}`);
  await expect(lead.getByTestId("panel-card").getByRole("heading", { name: "邀请会诊专家" })).toBeVisible();
  await inviteOnPage(lead, a);
  await inviteOnPage(lead, b);
  await expect(lead.getByTestId("panel-members").getByText("已邀请，待答复", { exact: true })).toHaveCount(2);

  const memberA = await acceptAs(browser, a.email, id, title);
  const note = `已审阅合同，建议核对交货验收记录 ${test.info().retry}`;
  await memberA.getByTestId("panel-card").getByLabel("备注", { exact: true }).fill(note);
  await memberA.getByRole("button", { name: "添加备注" }).click();
  await expect(memberA.getByTestId("panel-notes").getByText(note)).toBeVisible();
  const message = `会诊专家意见：请企业补充验收单 ${test.info().retry}`;
  await memberA.getByLabel("留言", { exact: true }).fill(message);
  await memberA.getByRole("button", { name: "发送", exact: true }).click();
  await expect(memberA.getByText(message)).toBeVisible();
  // a member holds nothing: no resolving, no disputes to add
  await expect(memberA.getByRole("button", { name: /办结/ })).toHaveCount(0);
  await memberA.context().close();

  const memberB = await acceptAs(browser, b.email, id, title);
  await memberB.context().close();

  await lead.reload();
  await expect(lead.getByTestId("panel-members").getByText("已加入", { exact: true })).toHaveCount(2);
  await expect(lead.getByTestId("panel-notes").getByText(note)).toBeVisible();
  const opinion = `会诊意见：先发函催告，再申请调解 ${test.info().retry}`;
  await lead.getByRole("textbox", { name: "会诊意见", exact: true }).fill(opinion);
  await expect(lead.getByRole("checkbox", { name: a.name })).toBeChecked();
  await expect(lead.getByRole("checkbox", { name: b.name })).toBeChecked();
  await lead.getByRole("button", { name: "记录会诊意见" }).click();
  const recorded = lead.getByTestId("panel-opinions").getByRole("listitem").filter({ hasText: opinion });
  await expect(recorded).toBeVisible();
  await expect(recorded).toContainText(a.name);
  await expect(recorded).toContainText(b.name);
  await expect(lead.locator("#timeline").getByText("形成会诊意见")).toBeVisible();
  await ok(lead.request.post(`/api/v1/requests/${id}/resolve`, { data: { summary: "经会诊，促成当事人与加工厂达成分期付款协议。" } }));
  await lead.context().close();

  // The reply letter to the referring body names the panel and the opinion, but never a note.
  const admin = await pageAs(browser, "admin");
  await admin.goto(`/requests/${id}/reply-letter`);
  await expect(admin.getByText(`${body}：`)).toBeVisible();
  await expect(admin.getByText(`${a.name}、${b.name}`, { exact: true })).toBeVisible();
  const opinions = admin.getByTestId("reply-letter-opinions");
  await expect(opinions).toContainText(opinion);
  // the lead counts as agreeing: the three of the panel
  await expect(opinions).toContainText(`同意专家：沈文博、${a.name}、${b.name}`);
  await expect(admin.getByText(note)).toHaveCount(0);
  await admin.context().close();
});

test.describe("on a phone, in English", () => {
  const phone = { width: 390, height: 844 };

  test("the lead invites a colleague, who accepts from their home; the company sees the member", async ({ browser }) => {
    const title = `Panel on a phone ${Date.now().toString(36)}-${test.info().retry}`;
    const { id, colleagues } = await caseWithLead(browser, title, (admin) => fileCompanyCall(browser, admin, title));
    const colleague = colleagues[0]!;
    const lead = await pageAs(browser, "expert", phone);
    await lead.goto(`/requests/${id}`);
    await setLanguage(lead, "en");
    await expect(lead.getByTestId("panel-card").getByRole("heading", { name: "Invite an expert" })).toBeVisible();
    await inviteOnPage(lead, colleague);
    await expect(lead.getByTestId("panel-members").getByText("Invited, awaiting an answer")).toBeVisible();

    const member = await acceptAs(browser, colleague.email, id, title, phone, true);
    await expect(member.getByTestId("panel-members").getByText("Joined", { exact: true })).toBeVisible();
    await member.context().close();

    await lead.reload();
    await lead.getByRole("textbox", { name: "Panel opinion", exact: true }).fill("Send a formal demand first; mediation if it is ignored.");
    await lead.getByRole("button", { name: "Record opinion" }).click();
    await expect(lead.getByTestId("panel-opinions").getByText(`Agreed:`)).toContainText(colleague.name);
    await lead.context().close();

    const company = await pageAs(browser, "enterprise", phone);
    await company.goto(`/requests/${id}`);
    await setLanguage(company, "en");
    await expect(company.getByRole("heading", { name: "Joint consultation" })).toBeVisible();
    await expect(company.getByTestId("panel-members").getByText(colleague.name)).toBeVisible();
    await company.context().close();
    await closeCase(browser, id);
  });
});
