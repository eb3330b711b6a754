// `npm run bundle:budget` (after `npm run build`): the gzip JavaScript each page route ships on its
// first load, from the production build's manifests, against a budget of 30 KB over the baseline.
// Exits 1 when a route passes it, with a table of every route sorted by size.
//
// Where the figures come from (Next.js 16, App Router, Turbopack):
// - `.next/build-manifest.json` `rootMainFiles`: the framework and runtime chunks every page loads
//   (`polyfillFiles` are left out: they load only in browsers without ES modules).
// - `.next/server/app/**/page_client-reference-manifest.js`, one per page route: `entryJSFiles` lists
//   the chunks of the client components of each segment the route renders (layouts, error and
//   not-found boundaries, the page). The browser loads these as the page's payload names them.
//   Chunks loaded only by a dynamic `import()` are not in it: they do not weigh on the first load.
// A route's figure is the gzip size (zlib's default level, as `next start` compresses) of the union
// of these files. Cross-checked once against Chromium loading the built pages: the same files.
//
// The baseline is what an empty page would ship: the chunks that every page route loads (framework,
// runtime, and the root layout's client components such as the language switch and the phone menu),
// taken as the intersection of all routes' files, so no extra page is needed for it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 30;

/**
 * Routes allowed over the budget, each with its current figure over the baseline (KB) as a ceiling
 * and the reason; a route here still fails when it grows past its ceiling. Empty: every route is
 * within the budget.
 */
const ceilings = {};

const buildDir = path.resolve(process.argv[2] ?? ".next");
const appDir = path.join(buildDir, "server", "app");
if (!existsSync(path.join(buildDir, "build-manifest.json")) || !existsSync(appDir)) {
  console.error(`No production build in ${buildDir}: run \`npm run build\` first.`);
  process.exit(2);
}

const buildManifest = JSON.parse(readFileSync(path.join(buildDir, "build-manifest.json"), "utf8"));
const rootMainFiles = buildManifest.rootMainFiles ?? [];
if (!rootMainFiles.length) {
  console.error("build-manifest.json lists no rootMainFiles: the build's layout has changed, update this script.");
  process.exit(2);
}

function clientManifests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return clientManifests(full);
    return entry.name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

/** The manifest file assigns `globalThis.__RSC_MANIFEST[<route>/page]`; run it in a sandbox to read it. */
function readClientManifest(file) {
  const sandbox = { globalThis: {} };
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
  const entries = Object.entries(sandbox.__RSC_MANIFEST ?? {});
  if (entries.length !== 1) throw new Error(`${file}: expected one route, found ${entries.length}`);
  const [key, manifest] = entries[0];
  if (!manifest.entryJSFiles) throw new Error(`${file}: no entryJSFiles; the build's layout has changed, update this script`);
  return { key, files: Object.values(manifest.entryJSFiles).flat() };
}

/** "/(public)/experts/[id]/page" -> "/experts/[id]": the address as a visitor types it. */
function routeOf(key) {
  const pathname = key
    .replace(/\/page$/, "")
    .split("/")
    .filter((part) => part && !/^\(.*\)$/.test(part))
    .join("/");
  return `/${pathname}`;
}

const gzipSizes = new Map();
function gzipSize(file) {
  if (!gzipSizes.has(file)) gzipSizes.set(file, gzipSync(readFileSync(path.join(buildDir, file))).length);
  return gzipSizes.get(file);
}
const kb = (bytes) => bytes / 1024;
const total = (files) => [...files].reduce((sum, file) => sum + gzipSize(file), 0);

const routes = clientManifests(appDir)
  .map(readClientManifest)
  // The global error page replaces the whole document when the root layout itself fails: not a page of its own.
  .filter(({ key }) => key !== "/_global-error/page")
  .map(({ key, files }) => ({ route: routeOf(key), files: new Set([...rootMainFiles, ...files].map((f) => f.replace(/^\/_next\//, ""))) }));
if (!routes.length) {
  console.error(`No page routes found under ${appDir}.`);
  process.exit(2);
}

const baselineFiles = routes.map((r) => r.files).reduce((shared, files) => new Set([...shared].filter((f) => files.has(f))));
const baseline = kb(total(baselineFiles));

const rows = routes
  .map(({ route, files }) => {
    const size = kb(total(files));
    const over = size - baseline;
    const ceiling = ceilings[route];
    const allowed = ceiling ?? BUDGET_KB;
    return { route, size, over, allowed, failing: over > allowed, listed: ceiling !== undefined };
  })
  .sort((a, b) => b.size - a.size || a.route.localeCompare(b.route));

const width = Math.max(...rows.map((r) => r.route.length), "route".length);
console.log(`First-load JavaScript per route, gzip (baseline ${baseline.toFixed(1)} KB: ${baselineFiles.size} files every page loads)`);
console.log(`Budget: ${BUDGET_KB} KB over the baseline\n`);
console.log(`${"route".padEnd(width)}  ${"gzip KB".padStart(8)}  ${"over baseline KB".padStart(16)}`);
for (const r of rows) {
  const note = r.failing ? `  OVER BUDGET (allowed ${r.allowed} KB)` : r.listed ? `  allowed up to ${r.allowed} KB` : "";
  console.log(`${r.route.padEnd(width)}  ${r.size.toFixed(1).padStart(8)}  ${r.over.toFixed(1).padStart(16)}${note}`);
}

const stale = Object.keys(ceilings).filter((route) => !rows.some((r) => r.route === route));
for (const route of stale) console.log(`\nThe allow-list names ${route}, which the build no longer has: remove it.`);
const failing = rows.filter((r) => r.failing);
if (failing.length) {
  console.log(`\n${failing.length} route(s) over the budget: ${failing.map((r) => r.route).join(", ")}`);
  console.log("Keep heavy code on the server, or load rarely used client code with a dynamic import().");
}
process.exit(failing.length || stale.length ? 1 : 0);
