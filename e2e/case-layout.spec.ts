import { expect, test } from "@playwright/test";
import { authFile } from "./fixtures";

// The case page: on a desktop its particulars, files and timeline sit beside the work instead of
// under it; on a phone (where it is long) a bar of links to its sections stays at the top.

test.use({ storageState: authFile("expert") });

/** One of the demo expert's cases in progress (with disputes, messages and a timeline). */
async function aCaseInProgress(request: import("@playwright/test").APIRequestContext): Promise<string> {
  const answer = await request.get("/api/v1/requests?status=in_progress");
  expect(answer.status()).toBe(200);
  const { items } = (await answer.json()) as { items: { id: string }[] };
  expect(items.length).toBeGreaterThan(0);
  return items[0]!.id;
}

test.describe("on a desktop", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("the particulars stand beside the work, and no section links are needed", async ({ page }) => {
    await page.goto(`/requests/${await aCaseInProgress(page.request)}`);
    const story = page.locator("#story");
    const overview = page.locator("#overview");
    const timeline = page.locator("#timeline");
    await expect(story).toBeVisible();
    const [s, o, tl] = [(await story.boundingBox())!, (await overview.boundingBox())!, (await timeline.boundingBox())!];
    // the particulars and the timeline are in a column to the right of the request, starting near the top
    expect(o.x).toBeGreaterThan(s.x + s.width);
    expect(tl.x).toBe(o.x);
    expect(o.y).toBeLessThan(s.y + s.height);
    await expect(page.getByTestId("section-links")).toBeHidden();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("section links jump to each part and stay at the top", async ({ page }) => {
    await page.goto(`/requests/${await aCaseInProgress(page.request)}`);
    const links = page.getByRole("navigation", { name: "本页内容" });
    await expect(links).toBeVisible();
    await expect(links.getByRole("link")).toHaveText(["基本情况", "诉求", "纠纷与回款", "留言", "附件", "进程"]);

    await links.getByRole("link", { name: "进程" }).click();
    await expect(page).toHaveURL(/#timeline$/);
    await expect(page.getByRole("heading", { name: "办理进程" })).toBeInViewport();
    // still there after the jump, and not covering the section's heading
    await expect(links).toBeInViewport();
    const bar = (await links.boundingBox())!;
    const heading = (await page.getByRole("heading", { name: "办理进程" }).boundingBox())!;
    expect(heading.y).toBeGreaterThanOrEqual(bar.y + bar.height);

    await links.getByRole("link", { name: "纠纷与回款" }).click();
    await expect(page.getByRole("heading", { name: "纠纷与回款" })).toBeInViewport();
    // one column, nothing wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
