/**
 * Shared helpers for the browser journeys.
 * - Each demo role is signed in once through the real login page by auth.setup.ts; a spec uses
 *   that session with `test.use({ storageState: authFile("admin") })`.
 * - The database is a fresh embedded one with the demo world (password DEMO_PASSWORD); specs run
 *   one at a time in file order. Prefer creating your own records (register a company, file a
 *   request) over depending on what another spec changed.
 * - Select by role and label; `getByRole("alert")` also matches Next's route announcer, so use
 *   `page.getByTestId("form-alert")` for form messages.
 * - Phone-sized checks: `test.use({ viewport: { width: 390, height: 844 } })` in a describe block.
 * - English: `await setLanguage(page, "en")`.
 */
import path from "node:path";
import type { Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-pass-2026";
export const demoRoles = ["admin", "expert", "enterprise", "station"] as const;
export type DemoRole = (typeof demoRoles)[number];

export const demoEmail = (role: DemoRole) => `${role}@demo.example`;
export const authFile = (role: DemoRole) => path.join(import.meta.dirname, ".auth", `${role}.json`);

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/电子邮箱|E-mail/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
}

/** Switches the site language the way a visitor does, with the header's switch. */
export async function setLanguage(page: Page, locale: "zh-CN" | "en") {
  const select = page.getByRole("combobox", { name: /语言|Language/ }).first();
  if (await select.isVisible()) {
    await select.selectOption(locale);
  } else {
    await page.context().addCookies([{ name: "locale", value: locale, url: page.url() }]);
    await page.reload();
  }
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}
