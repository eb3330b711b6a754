// `npm run layout-shift -- [base URL]`: the cumulative layout shift of the public pages, measured in
// Chromium on a phone (390x844, with Lighthouse's mobile throttling: 4x slower CPU, slow 4G) and on a
// desktop. Point it at a production build (`npm run build && npm start`); the default is the local
// server on port 3000. A script that prints figures, not a timed test.
//
// CLS here is the sum of the page's `layout-shift` entries that had no recent input, from the first
// paint until the page has been idle for a moment (Lighthouse counts the same on a page load). Each
// shift also names the elements that moved, so a figure above 0 says where to look.
import { chromium } from "@playwright/test";
import { findChromium } from "./find-chromium.mjs";

const base = (process.argv[2] ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const pages = ["/", "/experts", "/typical-cases", "/stations", "/impact"];

const profiles = [
  {
    name: "phone",
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    // Lighthouse's mobile preset: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower.
    throttle: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpuRate: 4 },
  },
  { name: "desktop", context: { viewport: { width: 1366, height: 900 } }, throttle: null },
];

/** Collects every layout shift from the start of the document, before any of the page's scripts run. */
function observeShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const sources = (entry.sources ?? []).map((s) => {
        const node = s.node;
        if (!node || node.nodeType !== 1) return node?.nodeName ?? "?";
        const id = node.id ? `#${node.id}` : "";
        const cls = typeof node.className === "string" && node.className ? `.${node.className.trim().split(/\s+/).slice(0, 2).join(".")}` : "";
        return `${node.tagName.toLowerCase()}${id}${cls}`;
      });
      window.__shifts.push({ value: entry.value, at: Math.round(entry.startTime), sources });
    }
  }).observe({ type: "layout-shift", buffered: true });
}

async function measure(browser, profile, path) {
  const context = await browser.newContext({ ...profile.context, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await page.addInitScript(observeShifts);
  if (profile.throttle) {
    const cdp = await context.newCDPSession(page);
    const { cpuRate, ...network } = profile.throttle;
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...network });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuRate });
  }
  const response = await page.goto(base + path, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  // Late shifts (a font, a streamed part, an effect after hydration) land within this pause.
  await page.waitForTimeout(1500);
  const shifts = await page.evaluate(() => window.__shifts);
  await context.close();
  return { status: response?.status() ?? 0, shifts };
}

const executablePath = findChromium() ?? undefined;
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
const rows = [];
try {
  for (const path of pages) {
    for (const profile of profiles) {
      const { status, shifts } = await measure(browser, profile, path);
      const cls = shifts.reduce((sum, s) => sum + s.value, 0);
      rows.push({ path, profile: profile.name, status, cls, shifts });
    }
  }
} finally {
  await browser.close();
}

console.log(`Layout shift on ${base} (CLS: sum of shifts without recent input)\n`);
console.log(`${"page".padEnd(16)} ${"viewport".padEnd(8)} ${"HTTP".padStart(4)} ${"CLS".padStart(7)}  shifts`);
for (const r of rows) {
  console.log(`${r.path.padEnd(16)} ${r.profile.padEnd(8)} ${String(r.status).padStart(4)} ${r.cls.toFixed(4).padStart(7)}  ${r.shifts.length}`);
}
const shifted = rows.filter((r) => r.shifts.length);
if (shifted.length) {
  console.log("\nWhat moved:");
  for (const r of shifted) {
    for (const s of r.shifts) console.log(`  ${r.path} ${r.profile} at ${s.at} ms: ${s.value.toFixed(4)} ${s.sources.join(", ")}`);
  }
}
