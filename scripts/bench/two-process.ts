/**
 * The call site of the two-process check (scripts/bench/two-process-check.ts, written separately):
 * two app processes on one database, a change made through one served by the other within a
 * second, caches included. It signs in as the demo admin, so it gets a database of its own holding
 * the demo world, dropped afterwards.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openPostgres } from "@/db";
import { prepareDatabase } from "@/db/prepare";
import { createBenchDatabase } from "../bench-database";

export const twoProcessModule = path.resolve("scripts", "bench", "two-process-check.ts");
export const hasTwoProcessCheck = () => existsSync(twoProcessModule);

type TwoProcessCheck = (options: { databaseUrl: string; ports: [number, number]; log: (line: string) => void }) => Promise<{ ok: boolean }>;

/** Runs the check on a fresh demo database; its result (ok false: failed). */
export async function runTwoProcessCheck(ports: [number, number]): Promise<{ ok: boolean }> {
  const checkModule = (await import(pathToFileURL(twoProcessModule).href)) as { twoProcessCheck?: TwoProcessCheck };
  if (typeof checkModule.twoProcessCheck !== "function") throw new Error("scripts/bench/two-process-check.ts exports no twoProcessCheck");
  const demo = await createBenchDatabase("clcr_bench_two_process");
  try {
    const database = openPostgres(demo.url, { max: 1 });
    await prepareDatabase(database, { seedDemo: true }).finally(() => database.close());
    return await checkModule.twoProcessCheck({ databaseUrl: demo.url, ports, log: (line) => console.error(`  ${line}`) });
  } finally {
    await demo.finish();
  }
}
