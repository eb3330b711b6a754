import { expect, test as setup } from "@playwright/test";
import { authFile, demoEmail, demoRoles, signIn } from "./fixtures";

// Each demo role signs in through the real login page, lands on its own home, and keeps the session.
const homeHeading = { admin: /最新诉求/, expert: /我的案件/, enterprise: /我的诉求/, station: /本站登记的诉求/ } as const;

for (const role of demoRoles) {
  setup(`${role} signs in and sees their home`, async ({ page }) => {
    await signIn(page, demoEmail(role));
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    await expect(page.getByRole("heading", { name: homeHeading[role] })).toBeVisible();
    await page.context().storageState({ path: authFile(role) });
  });
}
