import { expect, test, type Browser, type Page } from "@playwright/test";
import { authFile, setLanguage, type DemoRole } from "./fixtures";

// Duty days (坐诊日): the station's staff plan a weekly rota for the demo expert, the expert confirms
// it on a phone, the last free place of a session goes to exactly one of two bookings made at the
// same moment and the station's page shows the session full; on a session planned for today the
// staff book a walk-in, mark it attended and turn it into a request; the expert's calendar feed
// carries the sessions. The demo expert already sits at the demo station on Wednesday mornings, so
// the rota here is on Thursday afternoons; nothing here leaves the expert an offer or a case.
// A retry (the group runs again from its start) plans three weeks later and books under other names,
// so it never meets what the first attempt left.

test.describe.configure({ mode: "serial" });

const STATION = "罗星街道法律服务站";
const EXPERT = "沈文博";
const EXPERT_OPTION = "沈文博（浙江嘉善正道律师事务所）";

/** A calendar date in Shanghai, `days` after today. */
function shanghaiDate(days = 0): string {
  const now = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000);
  return now.toISOString().slice(0, 10);
}
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
/** Matches the date as the pages print it in Chinese ("12月10日"), not another date that contains it. */
const onDay = (date: string) => {
  const [, month, day] = date.split("-").map(Number);
  return new RegExp(`(?<!\\d)${month}月${day}日`);
};
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const today = shanghaiDate();
/** 0 on the first attempt, 1 on a retry. */
const attempt = () => test.info().retry;
/** The first Thursday at least three days ahead (three weeks later on a retry): the series runs on it and the two Thursdays after. */
const firstThursday = () => {
  let date = shanghaiDate(3 + 21 * attempt());
  while (weekday(date) !== 4) date = addDays(date, 1);
  return date;
};

let stationId = "";
/** The series' first session (a public holiday on the first Thursday would be skipped). */
let raceDate = "";

async function signedIn(browser: Browser, role: DemoRole) {
  return browser.newContext({ storageState: authFile(role), baseURL: test.info().project.use.baseURL });
}

async function planSession(page: Page, input: { date: string; period: "上午" | "下午" | "全天"; slots: number; until?: string }) {
  await page.goto("/rota");
  await expect(page.getByRole("heading", { name: /坐诊排班/ }).first()).toBeVisible();
  await page.getByLabel("专家", { exact: true }).selectOption({ label: EXPERT_OPTION });
  await page.getByLabel("日期", { exact: true }).fill(input.date);
  await page.getByLabel("号源数").fill(String(input.slots));
  await page.getByRole("radio", { name: input.period }).check();
  if (input.until) {
    await page.getByLabel("按周重复").check();
    await page.getByLabel("每隔几周").fill("1");
    await page.getByLabel("重复至（含）").fill(input.until);
  }
  await page.getByRole("button", { name: "排定", exact: true }).click();
}

test.describe("station staff plan the rota", () => {
  test.use({ storageState: authFile("station") });

  test("a weekly series on Thursday afternoons, three places each", async ({ page }) => {
    // The station's id, from its day page.
    await page.goto("/duty/today");
    const stationLink = page.getByRole("link", { name: "查看本站的坐诊安排" }).first();
    stationId = (await stationLink.getAttribute("href"))!.replace("/stations/", "");
    expect(stationId).toMatch(/^[0-9a-f-]{36}$/);

    // A date in the past is refused with the field's message.
    await page.goto("/rota");
    await page.getByLabel("专家", { exact: true }).selectOption({ label: EXPERT_OPTION });
    await page.getByLabel("日期", { exact: true }).fill(shanghaiDate(-7));
    await page.getByRole("button", { name: "排定", exact: true }).click();
    await expect(page.getByText("不能为过去的日期排班。")).toBeVisible();

    await planSession(page, { date: firstThursday(), period: "下午", slots: 3, until: addDays(firstThursday(), 14) });
    await expect(page.getByTestId("form-alert")).toContainText(/已排定 [1-3] 场坐诊，已通知专家确认。/);
    const ours = page
      .getByTestId("rota-session")
      .filter({ hasText: onDay(firstThursday()) })
      .filter({ hasText: EXPERT })
      .filter({ hasText: "下午" });
    await expect(ours.first()).toContainText("号源 3 个，已约 0 个");
    await expect(ours.first()).toContainText("重复排班");
    await expect(ours.first()).toContainText("待专家确认");

    // The same expert cannot be in the same half-day twice.
    await planSession(page, { date: firstThursday(), period: "全天", slots: 2 });
    await expect(page.getByTestId("form-alert")).toContainText(`已在${STATION}坐诊，同一时间不能安排两处。本次排班未保存。`);
  });
});

test.describe("the expert on a phone", () => {
  test.use({ storageState: authFile("expert"), viewport: { width: 390, height: 844 } });

  test("confirms every session awaiting an answer in one tap", async ({ page }) => {
    await page.goto("/duty");
    await expect(page.getByRole("heading", { name: "坐诊安排", exact: true })).toBeVisible();
    const toAnswer = page.locator("section[aria-labelledby=to-answer]");
    await expect(
      toAnswer
        .getByTestId("duty-session")
        .filter({ hasText: onDay(firstThursday()) })
        .first(),
    ).toContainText(STATION);
    await toAnswer.getByRole("button", { name: /^全部确认（\d+ 场）$/ }).click();
    await expect(page.getByText(/^已确认 \d+ 场，谢谢！$/)).toBeVisible();
    await expect(page.locator("section[aria-labelledby=to-answer]")).toHaveCount(0);
    const coming = page
      .getByTestId("duty-session")
      .filter({ hasText: onDay(firstThursday()) })
      .filter({ hasText: STATION })
      .filter({ hasText: "下午" });
    await expect(coming.first()).toContainText("已确认");
    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

/** The race session's card on the station's page, which lists the sessions under a heading per day. */
const sessionCard = (page: Page) =>
  page
    .locator("ol > li")
    .filter({ has: page.locator("h3", { hasText: onDay(raceDate) }) })
    .getByTestId("duty-session")
    .filter({ hasText: EXPERT })
    .filter({ hasText: "下午" });

test.describe("booking the last place", () => {
  test.use({ storageState: authFile("station") });

  test("two bookings of the last place at once: one gets it, the other is told it is full", async ({ page, browser }) => {
    const list = await page.request.get(`/api/v1/stations/${stationId}/duty-sessions`);
    expect(list.status()).toBe(200);
    const items = (
      (await list.json()) as { items: { id: string; expertName: string; date: string; period: string; status: string; booked: number }[] }
    ).items;
    const session = items.find((s) => s.date >= firstThursday() && s.period === "pm" && s.expertName === EXPERT)!;
    raceDate = session.date;
    expect(session).toMatchObject({ status: "confirmed", booked: 0 });
    const book = (p: Page, name: string, phone: string) =>
      p.request.post(`/api/v1/duty-sessions/${session.id}/bookings`, {
        data: { topic: "合同到期对方不续约，如何主张违约责任", contactName: name, contactPhone: phone },
      });

    // Two callers by phone, booked by the staff from the station's page.
    await page.goto(`/stations/${stationId}`);
    const card = sessionCard(page);
    await expect(card).toContainText("余 3 个名额");
    await card.locator("summary").click();
    await card.getByLabel("想咨询的问题").fill("员工离职后带走客户资料，公司如何维权");
    await card.getByLabel("联系人", { exact: true }).fill("来电 周先生");
    await card.getByLabel("联系电话").fill("13905730101");
    await card.getByRole("button", { name: "确认预约" }).click();
    await expect(card.getByTestId("form-alert")).toContainText("预约成功");
    expect((await book(page, "来电 吴女士", "13905730102")).status()).toBe(201);

    // The last place: the company and the staff (for a third caller) at the same moment.
    const company = await signedIn(browser, "enterprise");
    const companyPage = await company.newPage();
    const [a, b] = await Promise.all([book(companyPage, "企业 联系人", "13905730103"), book(page, "来电 郑先生", "13905730104")]);
    expect([a.status(), b.status()].sort()).toEqual([201, 409]);
    const loser = a.status() === 409 ? a : b;
    expect(JSON.stringify(await loser.json())).toMatch(/约满|full/i);

    // The page shows the session full, with no booking form left on it.
    for (const p of [page, companyPage]) {
      await p.goto(`/stations/${stationId}`);
      const full = sessionCard(p);
      await expect(full).toContainText("已约满");
      await expect(full.locator("summary")).toHaveCount(0);
    }
    await company.close();
  });
});

test.describe("the day itself", () => {
  test.use({ storageState: authFile("station") });

  test("a walk-in on today's session is marked attended and filed as a request", async ({ page }) => {
    await planSession(page, { date: today, period: "下午", slots: 2 });
    // A retry finds today's session planned by the first attempt.
    await expect(page.getByTestId("form-alert")).toContainText(attempt() === 0 ? "已排定 1 场坐诊" : "同一时间不能安排两处");

    await page.goto("/duty/today");
    await expect(page.getByRole("heading", { name: "今日坐诊" })).toBeVisible();
    if (attempt() === 0) await expect(page.getByText("这场坐诊没有预约。")).toBeVisible();
    await page.locator("summary", { hasText: "登记现场来访" }).click();
    const walkIn = page.locator("details", { has: page.locator("summary", { hasText: "登记现场来访" }) });
    await walkIn.getByLabel("想咨询的问题").fill("供应商拖欠货款半年，是否可以起诉");
    await walkIn.getByLabel("联系人", { exact: true }).fill(`来访 冯女士${attempt() || ""}`);
    await walkIn.getByLabel("联系电话").fill(`1390573010${5 + attempt()}`);
    await walkIn.locator("form").getByRole("button", { name: "登记现场来访" }).click();

    const booking = page.getByTestId("booking").filter({ hasText: `来访 冯女士${attempt() || ""}` });
    await expect(booking).toContainText("已预约");
    await booking.getByRole("button", { name: "到场", exact: true }).click();
    await expect(booking).toContainText("已到场");

    await booking.locator("summary", { hasText: "转为诉求" }).click();
    await expect(booking.getByLabel("诉求标题")).toHaveValue("供应商拖欠货款半年，是否可以起诉");
    await booking.getByRole("button", { name: "登记诉求" }).click();
    const requestLink = booking.getByRole("link", { name: /^诉求 [A-Z]+-\d{4}-\d+$/ });
    await expect(requestLink).toBeVisible();
    const caseNumber = (await requestLink.textContent())!.replace("诉求 ", "").trim();
    await expect(booking.locator("summary", { hasText: "转为诉求" })).toHaveCount(0);

    await requestLink.click();
    await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
    await expect(page.getByText(caseNumber).first()).toBeVisible();
    await expect(page.getByText("供应商拖欠货款半年，是否可以起诉").first()).toBeVisible();
  });
});

test.describe("the expert's calendar", () => {
  test.use({ storageState: authFile("expert") });

  test("the private feed from the account page carries the sessions; the box and the station's page read in English", async ({ page }) => {
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "日历订阅" })).toBeVisible();
    const url = await page.getByLabel("订阅链接").inputValue();
    expect(url).toMatch(/^https?:\/\/.+/);
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    const ics = (await feed.text()).replace(/\r?\n[ \t]/g, "");
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain(STATION);
    expect(ics).toContain(raceDate.replaceAll("-", ""));

    await setLanguage(page, "en");
    await expect(page.getByRole("heading", { name: "Calendar feed" })).toBeVisible();
    await expect(page.getByLabel("Subscription link")).toHaveValue(url);

    // The station's page in English offers its public feed and shows the race session full.
    await page.goto(`/stations/${stationId}`);
    await expect(page.getByRole("link", { name: "Subscribe to duty days" })).toHaveAttribute("href", /^webcal:.+\/calendar\.ics\?lang=en$/);
    await expect(page.getByTestId("duty-session").filter({ hasText: EXPERT }).filter({ hasText: "Full" }).first()).toBeVisible();
  });
});
