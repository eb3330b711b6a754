import { expect, test } from "@playwright/test";
import { authFile } from "./fixtures";

// The return-visit worklist: the admin finds a closed case due for its return visit (the demo world
// has cases closed months ago and never visited), records the visit from the list, and a company
// that was dissatisfied opens a follow-up, which the admin closes with a note. The journey leaves
// no follow-up open behind it.

test.use({ storageState: authFile("admin") });

test("an admin records a due return visit from the worklist, and closes the follow-up it opens", async ({ page }) => {
  await page.goto("/admin/return-visits");
  await expect(page.getByRole("heading", { name: "回访工作台" })).toBeVisible();
  const dueCard = page.locator("section").filter({ has: page.getByRole("heading", { name: /^待回访 \d+ 件$/ }) });
  const item = dueCard.getByRole("listitem").first();
  const caseLink = item.getByRole("link").first();
  const caseNumber = (await caseLink.textContent())!.trim();
  const casePath = (await caseLink.getAttribute("href"))!;
  expect(caseNumber).toMatch(/^[A-Z]+-\d{4}-\d+$/);
  await expect(item.getByText(/逾期|今天到期/).first()).toBeVisible();

  // The visit, from the list: today by default, a visit in person, two stars, a note.
  await item.getByLabel(`登记 ${caseNumber} 的回访`).click();
  await expect(item.getByLabel("回访日期")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await item.getByLabel("回访方式").selectOption("visit");
  await item.getByRole("radio", { name: "2 星" }).check();
  await item.getByLabel("回访情况（选填）").fill("企业反映回款进度慢，对沟通不满意。");
  await item.getByRole("button", { name: "登记回访", exact: true }).click();

  // The case leaves the due list, and a follow-up opens for it.
  const followUps = page.locator("#follow-ups");
  const followUp = followUps.getByRole("listitem").filter({ hasText: caseNumber });
  await expect(followUp).toBeVisible();
  await expect(followUp).toContainText("企业反映回款进度慢");
  await expect(dueCard.getByRole("link", { name: caseNumber, exact: true })).toHaveCount(0);

  // Closing needs a note.
  await followUp.getByRole("button", { name: "办结跟进" }).click();
  await expect(followUp.getByText("此项必填。")).toBeVisible();
  await followUp.getByLabel("跟进处理情况").fill("已约企业负责人面谈，专家补充说明了回款安排，企业表示理解。");
  await followUp.getByRole("button", { name: "办结跟进" }).click();
  await expect(followUps.getByRole("listitem").filter({ hasText: caseNumber })).toHaveCount(0);

  // The case page lists the visit with how it was made.
  await page.goto(casePath);
  const visits = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "回访记录" }) })
    .last();
  await expect(visits).toContainText("上门");
  await expect(visits).toContainText("企业反映回款进度慢");
});
