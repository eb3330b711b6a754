/**
 * `npm run bench:all`: runs every benchmark script in turn (each prints its own figures).
 * Benchmarks are scripts, not timed tests; add yours to the list.
 */
import { spawnSync } from "node:child_process";

// The driver's benchmark runs for minutes on its own (npm run bench:driver); here only half a minute.
const benches = [
  ["scripts/bench-routing.ts"],
  ["scripts/bench-reports.ts"],
  ["scripts/bench-driver.ts", "--seconds", "30"],
  ["scripts/bench-search.ts"],
  ["scripts/bench-filing.ts"],
];
let failed = 0;
for (const args of benches) {
  console.log(`\n== ${args.join(" ")}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", ...args], { stdio: "inherit", env: process.env });
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
