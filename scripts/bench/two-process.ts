/**
 * The two-process check of `npm run bench` (scripts/bench/two-process-check.ts): two app processes
 * on one database, a change made through one served by the other within a second, caches
 * included. It signs in as the demo admin, so it gets a database of its own holding the demo
 * world, dropped afterwards.
 */
import { openPostgres } from "@/db";
import { prepareDatabase } from "@/db/prepare";
import { createBenchDatabase } from "../bench-database";
import { twoProcessCheck, type TwoProcessResult } from "./two-process-check";

/** Runs the check on a fresh demo database; its result (ok false: failed). */
export async function runTwoProcessCheck(ports: [number, number]): Promise<TwoProcessResult> {
  const demo = await createBenchDatabase("clcr_bench_two_process");
  try {
    const database = openPostgres(demo.url, { max: 1 });
    await prepareDatabase(database, { seedDemo: true }).finally(() => database.close());
    return await twoProcessCheck({ databaseUrl: demo.url, ports, log: (line) => console.error(`  ${line}`) });
  } finally {
    await demo.finish();
  }
}
