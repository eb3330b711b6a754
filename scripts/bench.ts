/**
 * `npm run bench`: runs every benchmark script in turn (each prints its own figures).
 * Benchmarks are scripts, not timed tests; add yours to the list.
 */
import { spawnSync } from "node:child_process";

const benches = ["scripts/bench-routing.ts", "scripts/bench-reports.ts"];
let failed = 0;
for (const script of benches) {
  console.log(`\n== ${script}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", script], { stdio: "inherit", env: process.env });
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
