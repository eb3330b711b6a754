// The first start on a fresh PostgreSQL database, as an operator does it: create an empty database,
// `npm run db:migrate`, `npm run admin:create`, start the built app (`next start`), register a company,
// sign in, file a request, check that the background workers started and ran the job the filing
// enqueued, and that the first admin signs in and finds the request in the triage queue. Then, in
// Chromium (Playwright), the first admin sets up the district: creates a station and the district's
// admin, who accepts the invitation and creates the station's staff, who accepts theirs and files
// a walk-in request through the filing form; the new station's rota, page and calendar feed answer;
// a referral is filed and the society's major work (reports, appraisals, annual report, typical cases) answers.
// Needs a production build and E2E_SERVER_DATABASE_URL (a server URL allowed to create databases).
// Prints each check; exits non-zero on the first that fails. Always stops the app and drops the database.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chromium } from "@playwright/test";
import postgres from "postgres";

const serverUrl = process.env.E2E_SERVER_DATABASE_URL;
if (!serverUrl) {
  console.error("fresh-server journey: set E2E_SERVER_DATABASE_URL to a PostgreSQL server URL");
  process.exit(2);
}
const port = Number(process.env.E2E_FRESH_PORT ?? 3201);
const baseUrl = `http://127.0.0.1:${port}`;
const dbName = `clcr_e2e_fresh_${Date.now()}_${randomBytes(3).toString("hex")}`;
const dbUrl = Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString();
const password = `Fresh-${randomBytes(12).toString("base64url")}`;
const adminPassword = `Admin-${randomBytes(12).toString("base64url")}`;
const secret = "e2e-secret-for-the-fresh-server-journey-only";
const run = randomBytes(3).toString("hex");
const adminEmail = `ops-${run}@fresh.example`;
const enterpriseEmail = `owner-${run}@fresh.example`;
const started = Date.now();
const since = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const check = (ok, what, detail = "") => {
  if (!ok) throw new Error(`FAILED: ${what}${detail ? `\n  ${detail}` : ""}`);
  console.log(`  ok  ${what}${detail ? ` (${detail})` : ""}`);
};

/** Polls `probe` until it answers something truthy, or fails after `ms`. */
async function waitFor(what, probe, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`FAILED: ${what} within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A valid 统一社会信用代码 (GB 32100-2015) with random digits, so every run registers a new company. */
function creditCode() {
  const charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let code = "91330421";
  for (let i = 0; i < 9; i++) code += String(randomBytes(1)[0] % 10);
  const sum = [...code].reduce((acc, c, i) => acc + charset.indexOf(c) * weights[i], 0);
  return code + charset[(31 - (sum % 31)) % 31];
}

/** fetch with a cookie jar, a same-site Origin on writes, and no redirects followed. */
const jar = new Map();
async function http(path, { method = "GET", json, form } = {}) {
  const headers = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") };
  let body;
  if (json) [headers["content-type"], body] = ["application/json", JSON.stringify(json)];
  if (form) [headers["content-type"], body] = ["application/x-www-form-urlencoded", new URLSearchParams(form).toString()];
  if (method !== "GET") headers.origin = baseUrl;
  const response = await fetch(baseUrl + path, { method, headers, body, redirect: "manual" });
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  const text = await response.text();
  let data = null;
  try {
    data = JSON.parse(text);
  } catch {
    data = text;
  }
  return { status: response.status, data };
}

/** Signs in through next-auth with a fresh cookie jar; answers GET /api/v1/me. */
async function signIn(email, secretWord) {
  jar.clear();
  const { data: csrf } = await http("/api/auth/csrf");
  await http("/api/auth/callback/credentials", { method: "POST", form: { csrfToken: csrf.csrfToken, email, password: secretWord, json: "true" } });
  return http("/api/v1/me");
}

/** The set-password link of the newest invitation mailed to `email` (the app logs mail without an SMTP server). */
async function invitationLink(email) {
  return waitFor(
    `the invitation mail to ${email}`,
    async () => {
      const at = log.lastIndexOf(`[mail] to=${email} `);
      return at >= 0 && log.slice(at).match(/https?:\/\/\S+\/set-password\S+/)?.[0];
    },
    15_000,
  );
}

/** A fresh browser context (its own cookies), signed in through the real sign-in page. */
async function signedInPage(browser, email, secretWord) {
  const page = await (await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto("/login");
  await page.getByLabel(/电子邮箱|E-mail/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill(secretWord);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 });
  return page;
}

/** Follows an invitation link, sets a password, and signs in with it. */
async function acceptInvitation(browser, email) {
  const link = new URL(await invitationLink(email));
  const secretWord = `Invited-${randomBytes(9).toString("base64url")}`;
  const page = await (await browser.newContext({ baseURL: baseUrl })).newPage();
  await page.goto(link.pathname + link.search);
  await page.getByLabel("新密码", { exact: true }).fill(secretWord);
  await page.getByLabel("再次输入新密码").fill(secretWord);
  await page.getByRole("button", { name: "保存密码" }).click();
  await page.waitForURL(/\/login/, { timeout: 30_000 });
  await page.context().close();
  return signedInPage(browser, email, secretWord);
}

/** The form on /admin/users that creates an account (the page also has a search form). */
const newAccountForm = (page) => page.locator("form", { has: page.getByRole("button", { name: "创建账号" }) });

/**
 * In Chromium: the first admin creates a station in 嘉善县 and that district's admin; the district
 * admin accepts the invitation and creates the station's staff; the staff accepts theirs and files
 * a walk-in request through the filing form; the request is the station's.
 */
async function districtSetUpInTheBrowser(db) {
  const browser = await chromium.launch({ executablePath: process.env.E2E_CHROMIUM || undefined });
  try {
    const stationName = `魏塘街道法律服务站${run}`;
    const districtAdminEmail = `jiashan-${run}@fresh.example`;
    const staffEmail = `staff-${run}@fresh.example`;

    const first = await signedInPage(browser, adminEmail, adminPassword);
    await first.goto("/admin/stations");
    await first.getByLabel("名称", { exact: true }).fill(stationName);
    await first.getByLabel("所在街道或乡镇").selectOption("330421001");
    await first.getByLabel("地址", { exact: true }).fill("嘉善县魏塘街道中山路 1 号");
    await first.getByLabel("电话", { exact: true }).fill("0573-84000001");
    await first.getByRole("button", { name: "新增服务站" }).click();
    await first.getByText("服务站已新增。").waitFor();
    check(true, "the first admin created a station in the browser", since());

    await first.goto("/admin/users");
    const adminForm = newAccountForm(first);
    await adminForm.getByLabel("电子邮箱（用于登录）").fill(districtAdminEmail);
    await adminForm.getByLabel("姓名").fill("嘉善县法学会 顾老师");
    await adminForm.getByLabel("角色").selectOption("admin");
    await adminForm.getByLabel("管辖地区").selectOption("330421");
    await adminForm.getByRole("button", { name: "创建账号" }).click();
    await first.getByText(/账号已创建/).waitFor();
    check(true, "the first admin created the district's admin");

    const districtAdmin = await acceptInvitation(browser, districtAdminEmail);
    check(true, "the district admin set a password from the invitation and signed in");
    await districtAdmin.goto("/admin/users");
    const staffForm = newAccountForm(districtAdmin);
    await staffForm.getByLabel("电子邮箱（用于登录）").fill(staffEmail);
    await staffForm.getByLabel("姓名").fill("魏塘服务站 小陈");
    const stationPicker = staffForm.getByLabel("服务站");
    await stationPicker.selectOption(await stationPicker.locator("option", { hasText: stationName }).getAttribute("value"));
    await staffForm.getByRole("button", { name: "创建账号" }).click();
    await districtAdmin.getByText(/账号已创建/).waitFor();
    check(true, "the district admin created the station's staff");

    const staff = await acceptInvitation(browser, staffEmail);
    const title = `装修款纠纷 ${run}`;
    await staff.goto("/requests/new");
    await staff.getByLabel("来访企业或个人的名称").fill("王阿姨");
    await staff.getByLabel("联系人").fill("王阿姨");
    await staff.getByLabel("联系电话").fill("13800000000");
    await staff.getByRole("button", { name: "下一步" }).click();
    await staff.getByLabel("合同出了问题").check();
    await staff.getByRole("button", { name: "下一步" }).click();
    await staff.getByLabel("用一句话概括").fill(title);
    await staff.getByLabel("发生了什么").fill("装修公司收了预付款后停工。");
    await staff.getByRole("button", { name: "下一步" }).click();
    await staff.getByLabel("所在地区").selectOption("330421001");
    await staff.getByRole("button", { name: "下一步" }).click();
    await staff.getByRole("button", { name: "下一步" }).click();
    await staff.getByRole("button", { name: "确认提交" }).click();
    await staff.waitForURL(/\?filed=1$/, { timeout: 30_000 });
    const [filed] = await db`
      select r.channel, s.name from requests r join stations s on s.id = r.station_id where r.title = ${title}`;
    check(filed?.channel === "station" && filed?.name === stationName, "the staff filed a walk-in request for the new station", since());
  } finally {
    await browser.close();
  }
}

/**
 * Duty days on the fresh database: the new station has an empty rota, its public page and public
 * calendar feed answer, and the admin's report by station answers.
 */
async function dutyDaysAnswer(db) {
  const [station] = await db`select id from stations where name = ${`魏塘街道法律服务站${run}`}`;
  const rota = await http(`/api/v1/stations/${station.id}/duty-sessions`);
  check(
    rota.status === 200 && Array.isArray(rota.data.items) && rota.data.items.length === 0,
    "the new station's rota answers, empty",
    `HTTP ${rota.status}`,
  );
  const report = await http("/api/v1/reports?groupBy=station");
  check(report.status === 200 && Array.isArray(report.data.rows), "the report by station answers", `HTTP ${report.status}`);
  jar.clear();
  const page = await http(`/stations/${station.id}`);
  check(page.status === 200 && /暂无坐诊安排|No duty/.test(String(page.data)), "a visitor opens the station's page", `HTTP ${page.status}`);
  const feed = await http(`/api/v1/stations/${station.id}/calendar.ics`);
  check(feed.status === 200 && String(feed.data).startsWith("BEGIN:VCALENDAR"), "the station's public calendar feed answers", `HTTP ${feed.status}`);
}

/** A valid 居民身份证号 (GB 11643) with random digits. */
function idNumber() {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let first17 = "33042119850512";
  for (let i = 0; i < 3; i++) first17 += String(randomBytes(1)[0] % 10);
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return first17 + "10X98765432"[sum % 11];
}

/**
 * The society's major work on the fresh database, as the first admin: a referral for a person
 * (the ID number kept only masked), its reply letter waiting for the outcome, the reports by
 * category and outcome, the year's appraisals and annual report (JSON and Excel, with nothing in
 * them yet), and the public pages of typical cases and commended experts.
 */
async function majorWorkAnswers(db) {
  const me = await signIn(adminEmail, adminPassword);
  check(me.status === 200, "the first admin signs in again", `/me HTTP ${me.status}`);
  const number = idNumber();
  const referral = await http("/api/v1/requests", {
    method: "POST",
    json: {
      channel: "referral",
      referredBy: { body: "嘉善县信访局", kind: "petitions", contactName: "沈科长", contactPhone: "0573-84012345", reference: `善信转${run}` },
      title: `加工费拖欠信访 ${run}`,
      category: "petition_backlog",
      description: "县信访局转来：当事人反映加工费被拖欠，多次上访。",
      regionCode: "330421002",
      enterprise: { kind: "person", name: "张伟", contactName: "张伟", contactPhone: "13705739876", idNumber: number },
    },
  });
  check(referral.status === 201, "the first admin files a referral for a person", `HTTP ${referral.status} ${JSON.stringify(referral.data)}`);
  const [party] = await db`
    select e.party_kind, e.id_number_masked, rr.body from requests r
    join enterprises e on e.id = r.enterprise_id join request_referrals rr on rr.request_id = r.id where r.id = ${referral.data.id}`;
  const [stored] = await db`select count(*)::int as n from enterprises where row(enterprises.*)::text like ${`%${number}%`}`;
  check(
    party?.party_kind === "person" && party.id_number_masked === `${number.slice(0, 6)}********${number.slice(-4)}` && stored.n === 0,
    "the referral's person is stored with the ID number masked, never whole",
  );
  const letter = await http(`/requests/${referral.data.id}/reply-letter`);
  check(
    letter.status === 200 && String(letter.data).includes("reply-letter-not-ready"),
    "the reply letter waits for the outcome",
    `HTTP ${letter.status}`,
  );
  for (const groupBy of ["category", "outcome"]) {
    const report = await http(`/api/v1/reports?groupBy=${groupBy}`);
    check(report.status === 200 && report.data.rows.length > 0, `the report by ${groupBy} counts the new requests`, `HTTP ${report.status}`);
  }
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const appraisals = await http(`/api/v1/appraisals?year=${year}`);
  check(
    appraisals.status === 200 && appraisals.data.items.length === 0,
    "the year's appraisals answer, with no expert yet",
    `HTTP ${appraisals.status}`,
  );
  const annual = await http(`/api/v1/reports/annual?year=${year}&format=json`);
  check(annual.status === 200, "the annual report answers", `HTTP ${annual.status} ${JSON.stringify(annual.data).slice(0, 200)}`);
  const workbook = await fetch(`${baseUrl}/api/v1/reports/annual?year=${year}&format=xlsx`, {
    headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
  });
  const bytes = new Uint8Array(await workbook.arrayBuffer());
  check(
    workbook.status === 200 && bytes[0] === 0x50 && bytes[1] === 0x4b,
    "the annual report downloads as an Excel workbook",
    `HTTP ${workbook.status}`,
  );
  for (const path of ["/admin/annual-report", "/admin/appraisals", "/admin/typical-cases"]) {
    const page = await http(path);
    check(page.status === 200, `the admin opens ${path}`, `HTTP ${page.status}`);
  }
  jar.clear();
  const typical = await http("/api/v1/typical-cases");
  check(typical.status === 200 && typical.data.items.length === 0, "a visitor reads the typical cases, none yet", `HTTP ${typical.status}`);
  for (const path of ["/typical-cases", `/experts/commended?year=${year}`]) {
    const page = await http(path);
    check(page.status === 200, `a visitor opens ${path}`, `HTTP ${page.status}`);
  }
}

const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
let app;
let appExit;
let log = "";

/** The app logs JSON lines (lib/log.ts): the journey reads each one's message, and an error's stack, as text. */
function logText(line) {
  try {
    const entry = JSON.parse(line);
    return [entry.msg, entry.err?.stack].filter(Boolean).join("\n");
  } catch {
    return line;
  }
}

async function stopApp() {
  if (!app || app.exitCode !== null) return;
  process.kill(-app.pid, "SIGTERM");
  const forced = setTimeout(() => app.exitCode === null && process.kill(-app.pid, "SIGKILL"), 10_000);
  await appExit;
  clearTimeout(forced);
}

try {
  console.log(`Fresh-server journey on ${dbName}, app on port ${port}`);
  await admin.unsafe(`create database ${dbName}`);
  check(true, "created an empty database");

  const migrate = spawnSync("npm", ["run", "db:migrate"], { env: { ...process.env, DATABASE_URL: dbUrl }, encoding: "utf8" });
  check(migrate.status === 0, "npm run db:migrate", migrate.status === 0 ? since() : `${migrate.stdout}\n${migrate.stderr}`);

  const firstAdmin = spawnSync("npm", ["run", "admin:create", "--", "--email", adminEmail, "--name", "运维管理员", "--password-stdin"], {
    env: { ...process.env, DATABASE_URL: dbUrl, NEXTAUTH_SECRET: secret },
    input: `${adminPassword}\n`,
    encoding: "utf8",
  });
  check(
    firstAdmin.status === 0,
    "npm run admin:create (the first admin)",
    firstAdmin.status === 0 ? since() : `${firstAdmin.stdout}\n${firstAdmin.stderr}`,
  );

  const db = postgres(dbUrl, { max: 1, onnotice: () => {} });
  try {
    app = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: dbUrl,
        NEXTAUTH_URL: baseUrl,
        NEXTAUTH_SECRET: secret,
        SMTP_HOST: "",
      },
    });
    appExit = new Promise((resolve) => app.once("exit", resolve));
    for (const stream of [app.stdout, app.stderr]) {
      let partial = "";
      stream.on("data", (chunk) => {
        const lines = (partial + chunk).split("\n");
        partial = lines.pop();
        for (const line of lines) log += `${logText(line)}\n`;
        process.stdout.write(String(chunk).replace(/^(?=.)/gm, "  [app] "));
      });
    }
    await waitFor("the app answers", async () => app.exitCode === null && (await http("/api/v1/stats")).status === 200, 120_000);
    check(true, "next start answers", since());
    await waitFor("the log says the workers started", async () => log.includes("Background workers started."), 30_000);
    check(!log.includes("did not start"), "background workers started on the first attempt");
    const health = await http("/api/health");
    check(health.status === 200 && health.data.status === "ok", "GET /api/health", `HTTP ${health.status} ${JSON.stringify(health.data)}`);

    const registered = await http("/api/v1/enterprises/register", {
      method: "POST",
      json: { companyName: `新启航贸易有限公司${run}`, creditCode: creditCode(), contactName: "张三", email: enterpriseEmail, password },
    });
    check(registered.status === 201, "registered a company", `HTTP ${registered.status} ${JSON.stringify(registered.data)}`);

    const me = await signIn(enterpriseEmail, password);
    check(me.status === 200 && me.data.role === "enterprise", "signed in through next-auth", `/me HTTP ${me.status}`);

    const filedAt = Date.now();
    const filed = await http("/api/v1/requests", {
      method: "POST",
      json: {
        title: `货款追讨 ${run}`,
        category: "debt_collection",
        specialties: [],
        description: "供货后对方拖欠货款，多次催告未果。",
        counterparties: [{ name: "湖州某建材有限公司" }],
        amountAtStakeFen: 35_000_000,
        urgency: "normal",
        regionCode: "330421002",
      },
    });
    check(filed.status === 201, "filed a request", `HTTP ${filed.status} ${JSON.stringify(filed.data)}`);

    const job = await waitFor(
      "the notification job the filing enqueued completes",
      async () => {
        const [row] = await db`
          select j.state from pgboss.job j join notifications n on n.id::text = j.data->>'notificationId'
          where j.name = 'notification.email' and n.request_id = ${filed.data.id} and j.state = 'completed'`;
        return row;
      },
      30_000,
    );
    check(job.state === "completed", "the worker ran the filing's notification job", `${((Date.now() - filedAt) / 1000).toFixed(1)} s after filing`);
    check(log.includes(`[mail] to=${adminEmail}`), "the admin's notification mail went out (to the log: no SMTP server)");

    const adminMe = await signIn(adminEmail, adminPassword);
    check(adminMe.status === 200 && adminMe.data.role === "admin", "the first admin signs in", `/me HTTP ${adminMe.status}`);
    const queue = await http("/api/v1/requests?status=submitted");
    const found = queue.status === 200 && queue.data.items.some((item) => item.id === filed.data.id);
    check(found, "the admin finds the new request in the triage queue", `HTTP ${queue.status}`);
    const levels = await http("/api/v1/settings/service-levels");
    check(
      levels.status === 200 && levels.data.urgentTriageHours > 0 && levels.data.parallelOffers?.urgent >= 1,
      "the service levels db:migrate installed are in force",
      `HTTP ${levels.status} ${JSON.stringify(levels.data)}`,
    );
    const dueVisits = await http("/api/v1/return-visits?due=true");
    check(dueVisits.status === 200 && Array.isArray(dueVisits.data.items), "the return-visit worklist answers", `HTTP ${dueVisits.status}`);
    const breaches = await http("/api/v1/reports/breaches");
    check(breaches.status === 200 && Array.isArray(breaches.data.items), "the breaches report answers", `HTTP ${breaches.status}`);
    const settingsPage = await http("/admin/settings");
    check(
      settingsPage.status === 200 && /服务时限|Service levels/.test(String(settingsPage.data)),
      "the settings page shows the service levels",
      `HTTP ${settingsPage.status}`,
    );

    await districtSetUpInTheBrowser(db);
    await dutyDaysAnswer(db);
    await majorWorkAnswers(db);
    check(!/did not start|UNSAFE_TRANSACTION/.test(log), "no start-up or transaction errors in the log");
  } finally {
    await stopApp();
    await db.end();
  }
  console.log(`Fresh-server journey passed in ${since()}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await stopApp().catch(() => {});
  await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch((error) => console.error("could not drop", dbName, error));
  await admin.end();
}
