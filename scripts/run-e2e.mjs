// Runs the Playwright journeys: finds a Chromium, builds the app, starts it on a fresh embedded
// database with the demo world, and runs e2e/. Extra arguments go to Playwright. With
// E2E_SERVER_DATABASE_URL set (a PostgreSQL server), it first runs the fresh-server journey too:
// a new database, `npm run db:migrate`, the built app's first start on it, a filing and its job,
// and the first admin setting up a district in the browser down to a station's first walk-in filing.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { findChromium } from "./find-chromium.mjs";

/** A browser Playwright downloaded itself (`npx playwright install chromium`), if any. */
async function playwrightsOwnChromium() {
  const { chromium } = await import("@playwright/test");
  const path = chromium.executablePath();
  return path && existsSync(path) ? path : null;
}

const chromium = findChromium();
if (!chromium) {
  if (!(await playwrightsOwnChromium())) {
    console.error(
      "No Chromium found for the browser tests.\n" +
        "Install one: on Debian/Ubuntu `sudo apt-get install -y chromium`, or `npx playwright install chromium`,\n" +
        "or point E2E_CHROMIUM at a Chromium or Chrome binary.",
    );
    process.exit(2);
  }
}

const status = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

if (process.env.E2E_SKIP_BUILD !== "1" && status("npx", ["next", "build"]) !== 0) process.exit(1);
// Both suites run even when the first fails, so one run reports both.
const freshServer = process.env.E2E_SERVER_DATABASE_URL ? status("node", ["e2e/fresh-server.mjs"], { E2E_CHROMIUM: chromium ?? "" }) : 0;
const dataDir = process.env.E2E_PGLITE_DIR ?? ".data/e2e";
rmSync(dataDir, { recursive: true, force: true });
const browser = status("npx", ["playwright", "test", ...process.argv.slice(2)], { E2E_CHROMIUM: chromium ?? "", E2E_PGLITE_DIR: dataDir });
if (freshServer !== 0) console.error("The fresh-server journey failed (see above).");
process.exit(freshServer || browser);
