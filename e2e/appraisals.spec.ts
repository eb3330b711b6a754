import { expect, test, type Page } from "@playwright/test";
import { authFile, setLanguage, signIn } from "./fixtures";

// The annual appraisal (年度考核) feeding a renewal: the admin grades one expert whose term ends soon
// 不称职 (the form insists on a comment) and another 优秀; renewing the first shows the term's
// appraisals and is refused until a reason for renewing despite the grade is stated; the commended
// expert is on the public list (on a phone); the graded expert sees the grade in Chinese and English.
// Safe on a retry: CI retries the group from its start against the same database, and a renewed
// expert cannot be renewed again, so each attempt grades and renews a pair of its own (both pairs'
// terms end within the year, so their renewal is due).

test.describe.configure({ mode: "serial" });

interface Pair {
  renew: { name: string; email: string; district: string };
  commend: { name: string; district: string };
}

const pairs: Pair[] = [
  { renew: { name: "周立群", email: "expert04@demo.example", district: "310118" }, commend: { name: "邹明", district: "320509" } },
  { renew: { name: "孙建平", email: "expert13@demo.example", district: "330402" }, commend: { name: "戴俊", district: "330402" } },
];
const pair = () => pairs[Math.min(test.info().retry, pairs.length - 1)]!;
/** The appraisal year: this year as the law society counts it (China time). */
const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

/** Opens the year's appraisals of a district and grades one expert there. */
async function grade(page: Page, who: { name: string; district: string }, label: "不称职" | "优秀", comment: string) {
  await page.goto(`/admin/appraisals?year=${year}&district=${who.district}`);
  const row = page.getByTestId("appraisal-row").filter({ has: page.getByRole("link", { name: who.name, exact: true }) });
  await row.getByRole("button", { name: new RegExp(`^(重新)?评定 ${who.name}$`) }).click();
  const form = page.getByRole("form", { name: `评定 ${who.name}` });
  await form.getByLabel("等次").selectOption({ label });
  await form.getByLabel("评语").fill("");
  await form.getByRole("button", { name: "保存评定" }).click();
  // No comment for 优秀 or 不称职: the comment is marked, nothing is saved.
  await expect(form.getByLabel("评语")).toHaveAttribute("aria-invalid", "true");
  await expect(form.locator("[id$='-comment-error']")).toHaveText("评为“优秀”或“不称职”时须填写评语。");
  await form.getByLabel("评语").fill(comment);
  await form.getByRole("button", { name: "保存评定" }).click();
  await expect(row.getByTestId("appraisal-grade")).toHaveText(label);
  await expect(row).toContainText(comment);
}

test.describe("an appraisal round", () => {
  test.use({ storageState: authFile("admin") });

  test("grades one expert 不称职 and another 优秀, each with the comment the form insists on", async ({ page }) => {
    const { renew, commend } = pair();
    await grade(page, renew, "不称职", `${year} 年多次超时未答复派单，回访满意度偏低。`);
    await grade(page, commend, "优秀", `${year} 年坐诊服务时长居前列，帮助企业追回欠款成效明显。`);
    await expect(page.getByTestId("appraisal-progress")).toContainText("已评定");
  });

  test("the renewal shows the term's appraisals and needs a reason to renew despite 不称职", async ({ page }) => {
    const { renew } = pair();
    await page.goto(`/admin/appraisals?year=${year}&district=${renew.district}`);
    await page.getByRole("link", { name: renew.name, exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/experts\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "续聘", exact: true }).click();
    const form = page.getByRole("form", { name: "续聘" });
    await expect(form.getByTestId("term-appraisals")).toContainText(`${year} · 不称职`);
    await expect(form).toContainText("该专家本聘期内有“不称职”的考核等次，续聘须说明理由。");

    await form.getByLabel("理由", { exact: true }).fill("聘期届满，经区县司法局推荐续聘。");
    await form.getByRole("button", { name: "续聘" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "确认" }).click();
    await expect(form.getByLabel("不称职仍续聘的理由")).toHaveAttribute("aria-invalid", "true");
    await expect(form.locator("#appraisalReason-error")).toBeVisible();

    await form.getByLabel("不称职仍续聘的理由").fill("专家已书面说明超时原因并承诺整改，经研究同意续聘一年，观察期内重点考核响应时效。");
    await form.getByRole("button", { name: "续聘" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "确认" }).click();
    await expect(page.getByTestId("form-alert")).toHaveText("已完成。");
  });
});

test.describe("the public list of commended experts, on a phone", () => {
  test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 390, height: 844 } });

  test("names the expert graded 优秀 this year", async ({ page }) => {
    await page.goto(`/experts/commended?year=${year}`);
    await expect(page.getByRole("heading", { name: `${year} 年度表彰专家` })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(pair().commend.name);
    await expect(page.getByRole("main")).not.toContainText(pair().renew.name);
  });
});

test.describe("the graded expert", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sees the grade and the comment, in Chinese and in English", async ({ page }) => {
    await signIn(page, pair().renew.email);
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto("/account/appraisals");
    await expect(page.getByRole("heading", { name: "我的年度考核" })).toBeVisible();
    const mine = page.getByTestId(`my-appraisal-${year}`);
    await expect(mine).toContainText("等次：不称职");
    await expect(mine).toContainText("回访满意度偏低");
    await setLanguage(page, "en");
    await expect(page.getByTestId(`my-appraisal-${year}`)).toContainText("Incompetent");
  });
});
