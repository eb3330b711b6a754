/**
 * `npm run bench:search [-- --experts 10000 --runs 30]` (on the PostgreSQL server of DATABASE_URL, or a local one)
 *
 * The public directory's text search over a roster of N experts with Chinese profiles (name, firm,
 * title, a bio naming three skills, specialties, served regions), on a fresh database created here
 * and dropped at the end. For a few terms it prints p50/p99 milliseconds of searchDirectory (the
 * page of results and the count, as the directory page asks) the old way (the search as it was before
 * the gram index: LIKE on every expert) and the new way (the gram index, then the exact test on what
 * it returns), and whether both gave the same answer.
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openPostgres, rowsOf, setDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedReferenceData } from "@/db/seed/reference";
import { searchDirectory } from "@/lib/roster/queries/experts";
import { directoryQuerySchema } from "@/lib/roster/schemas";
import { addCrowdOfExperts } from "@/test/directory-crowd";
import { directorySearchBeforeIndex } from "@/test/directory-search-before-index";
import { createBenchDatabase, quantile } from "./bench-database";

const { values } = parseArgs({ options: { experts: { type: "string", default: "10000" }, runs: { type: "string", default: "30" } } });
const EXPERTS = Number(values.experts);
const RUNS = Number(values.runs);
const WARMUP = 3;

const terms: [string, string][] = [
  ["催收", "2 chars, 5 synonyms (清收 is in a specialty's name)"],
  ["调解", "2 chars, 1 synonym"],
  ["嘉善", "a county: firms and served regions"],
  ["文博", "part of a given name"],
  ["沈", "1 char (a surname)"],
  ["破产重整", "4 chars, one skill"],
  ["锦天城", "a firm's name"],
  ["jiashan", "a region's English name"],
  ["嘉善 催收", "two terms"],
];

const bench = await createBenchDatabase("clcr_bench_search");
const database = openPostgres(bench.url, { max: 4 });
setDatabase(database);
const { db } = database;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

try {
  await migrateDatabase(database);
  await db.transaction((tx) => seedReferenceData(tx));
  const loading = performance.now();
  await db.transaction((tx) => addCrowdOfExperts(tx, EXPERTS));
  console.log(`Loaded ${EXPERTS} experts (their routing profiles and search grams included) in ${seconds(loading)}.`);
  const computing = performance.now();
  const [sizes] = rowsOf<{ grams: number; index: string; table: string }>(
    await db.execute(sql`select avg(cardinality(expert_search_grams(id, name, organization, title, bio)))::int as grams,
      pg_size_pretty(pg_relation_size('experts_search_grams_idx')) as index, pg_size_pretty(pg_table_size('experts')) as table from experts`),
  );
  console.log(
    `Computing every expert's grams (the migration's backfill, without writing): ${seconds(computing)}; ${sizes!.grams} grams per expert, index ${sizes!.index}, table ${sizes!.table}.`,
  );
  await db.execute(sql`vacuum analyze`);
  await db.execute(sql`checkpoint`);

  console.log(`\nsearchDirectory (page of 20 + count), ${RUNS} runs of each way after ${WARMUP} to warm up; milliseconds`);
  console.log(
    `${"q".padEnd(12)} ${"found".padStart(6)} ${"old p50".padStart(9)} ${"old p99".padStart(9)} ${"new p50".padStart(9)} ${"new p99".padStart(9)} ${"p50 ratio".padStart(10)}  same  (what)`,
  );
  let different = 0;
  for (const [q, what] of terms) {
    const query = directoryQuerySchema.parse({ q });
    const times = { old: [] as number[], new: [] as number[] };
    const answers = { old: "", new: "" };
    let found = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const way of ["old", "new"] as const) {
        const t0 = performance.now();
        const result = await searchDirectory(query, way === "old" ? { textSearch: directorySearchBeforeIndex } : {});
        if (i >= WARMUP) times[way].push(performance.now() - t0);
        answers[way] = JSON.stringify(result);
        found = result.total;
      }
    }
    times.old.sort((a, b) => a - b);
    times.new.sort((a, b) => a - b);
    const same = answers.old === answers.new;
    if (!same) different += 1;
    const cell = (v: number) => v.toFixed(1).padStart(9);
    console.log(
      `${q.padEnd(12 - [...q].filter((c) => c > "\u2e80").length)} ${String(found).padStart(6)} ${cell(quantile(times.old, 0.5))} ${cell(quantile(times.old, 0.99))} ${cell(quantile(times.new, 0.5))} ${cell(quantile(times.new, 0.99))} ${`${(quantile(times.old, 0.5) / quantile(times.new, 0.5)).toFixed(1)}x`.padStart(10)}  ${same ? "yes " : "NO  "}  (${what})`,
    );
  }
  console.log(`\nmachine load average while measuring: ${loadavg()[0]!.toFixed(2)} (on ${cpus().length} cores)`);
  if (different) {
    console.log(`${different} terms gave different answers.`);
    process.exitCode = 1;
  }
} finally {
  setDatabase(undefined);
  await database.close();
  await bench.finish();
}
