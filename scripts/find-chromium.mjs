// The Chromium the browser scripts drive: E2E_CHROMIUM, else the system's own, else null (then
// Playwright's downloaded browser, if any). Shared by the e2e runner and the layout-shift script.
import { existsSync } from "node:fs";

export function findChromium() {
  if (process.env.E2E_CHROMIUM && existsSync(process.env.E2E_CHROMIUM)) return process.env.E2E_CHROMIUM;
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}
