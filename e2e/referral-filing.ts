import { expect, type Page } from "@playwright/test";

// Filing a referral (转办) through the admin's form, shared by the referral and panel journeys.

/** A valid 居民身份证号 (GB 11643 check character), different per run and attempt. */
export function validIdNumber(seed: number): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const first17 = `33042119850${(seed % 9) + 1}1${(seed % 9) + 1}${String(seed % 1000).padStart(3, "0")}`;
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return first17 + "10X98765432"[sum % 11]!;
}

export interface ReferralFiling {
  title: string;
  body: string;
  reference: string;
  personName: string;
  idNumber: string;
}

/**
 * Files a referral through the admin's form (the page must be signed in as an admin, in Chinese):
 * the referring body, a person with an ID number (a wrong check digit first, to see the form say
 * so), then the case itself. Returns the new request's id.
 */
export async function fileReferral(page: Page, filing: ReferralFiling): Promise<string> {
  await page.goto("/requests/new");
  await page.getByLabel("转办 / Referral").check();
  await page.getByLabel("转办单位名称").fill(filing.body);
  await page.getByLabel("单位类别").selectOption("petitions");
  await page.getByLabel("转办单位联系人").fill("沈科长");
  await page.getByLabel("转办单位联系电话").fill("0573-84012345");
  await page.getByLabel("来文编号（可选）").fill(filing.reference);
  await page.getByLabel("个人", { exact: true }).check();
  await page.getByLabel("当事方名称或姓名").fill(filing.personName);
  await page.getByLabel("联系人", { exact: true }).fill(filing.personName);
  await page.getByLabel("联系电话", { exact: true }).fill("13705739876");
  const wrong = filing.idNumber.slice(0, 17) + (filing.idNumber[17] === "0" ? "1" : "0");
  await page.getByLabel("身份证号（可选）").fill(wrong);
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByText("身份证号校验位不对，请核对后重新填写")).toBeVisible();
  await page.getByLabel("身份证号（可选）").fill(filing.idNumber);
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("合同出了问题").check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("用一句话概括").fill(filing.title);
  await page.getByLabel("发生了什么").fill("县信访局转来：当事人反映加工费被拖欠，多次上访。");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("所在地区").selectOption("330421002");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByText(filing.body).first()).toBeVisible();
  await page.getByRole("button", { name: "确认提交" }).click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}\?filed=1$/);
  return /\/requests\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}
