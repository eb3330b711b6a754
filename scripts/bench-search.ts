/**
 * `npm run bench:search [-- --experts 10000 --runs 30 --database <name>]` (on the PostgreSQL server of DATABASE_URL, or a local one)
 *
 * The public directory's text search over a roster of N experts with Chinese profiles (name, firm,
 * title, a bio naming three skills, specialties, served regions), on a fresh database created here
 * and dropped at the end (or, with --database, that database: created and loaded when it holds fewer
 * experts, and kept for the next run). For a few terms it prints p50/p99 milliseconds of the page of
 * results and the count, as the directory page asks, the old way (the track record counted from
 * each expert's requests, the matches counted in a statement of their own) and the new way
 * (searchDirectory: the routing profiles' figures, page and count in one statement), and whether
 * both gave the same answer. Then the plans of the new way's statements for the broadest term
 * (EXPLAIN ANALYZE), failing on a sequential scan of the experts, and for no text at all (which
 * lists nearly every expert, so reading them all in order of the table is the plan to expect).
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { openPostgres, rowsOf, setDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedReferenceData } from "@/db/seed/reference";
import { searchDirectory } from "@/lib/roster/queries/experts";
import { directoryQuerySchema, type DirectoryQuery } from "@/lib/roster/schemas";
import { addCrowdOfExperts } from "@/test/directory-crowd";
import { statementsDuring } from "@/test/statement-count";
import { comparableToBeforeProfiles, searchDirectoryBeforeProfiles } from "@/test/directory-search-before-profiles";
import { createBenchDatabase, quantile } from "./bench-database";

const { values } = parseArgs({
  options: { experts: { type: "string", default: "10000" }, runs: { type: "string", default: "30" }, database: { type: "string" } },
});
const EXPERTS = Number(values.experts);
const RUNS = Number(values.runs);
const WARMUP = 3;

const terms: [string, string][] = [
  ["", "no text: the first page in order"],
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

const bench = await createBenchDatabase("clcr_bench_search", values.database);
const database = openPostgres(bench.url, { max: 4 });
setDatabase(database);
const { db } = database;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

try {
  await migrateDatabase(database);
  await db.transaction((tx) => seedReferenceData(tx));
  const [held] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from experts`));
  if (held!.n < EXPERTS) {
    const loading = performance.now();
    await db.transaction((tx) => addCrowdOfExperts(tx, EXPERTS - held!.n));
    console.log(`Loaded ${EXPERTS - held!.n} experts (their routing profiles and search grams included) in ${seconds(loading)}.`);
    await db.execute(sql`vacuum analyze`);
    await db.execute(sql`checkpoint`);
  }
  const [sizes] = rowsOf<{ experts: number; index: string; table: string }>(
    await db.execute(sql`select count(*)::int as experts, pg_size_pretty(pg_relation_size('experts_search_grams_idx')) as index,
      pg_size_pretty(pg_table_size('experts')) as table from experts`),
  );
  console.log(`${sizes!.experts} experts: gram index ${sizes!.index}, table ${sizes!.table}.`);

  const ways = {
    old: async (query: DirectoryQuery) => searchDirectoryBeforeProfiles(query),
    new: async (query: DirectoryQuery) => comparableToBeforeProfiles(await searchDirectory(query)),
  };
  console.log(`\npage of 20 + count, ${RUNS} runs of each way after ${WARMUP} to warm up; milliseconds`);
  console.log(
    `${"q".padEnd(12)} ${"found".padStart(6)} ${"old p50".padStart(9)} ${"old p99".padStart(9)} ${"new p50".padStart(9)} ${"new p99".padStart(9)} ${"p50 ratio".padStart(10)}  same  (what)`,
  );
  let different = 0;
  for (const [q, what] of terms) {
    const query = directoryQuerySchema.parse(q ? { q } : {});
    const times = { old: [] as number[], new: [] as number[] };
    const answers = { old: "", new: "" };
    let found = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const way of ["old", "new"] as const) {
        const t0 = performance.now();
        const result = await ways[way](query);
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
    const label = q || "(none)";
    console.log(
      `${label.padEnd(12 - [...label].filter((c) => c > "\u2e80").length)} ${String(found).padStart(6)} ${cell(quantile(times.old, 0.5))} ${cell(quantile(times.old, 0.99))} ${cell(quantile(times.new, 0.5))} ${cell(quantile(times.new, 0.99))} ${`${(quantile(times.old, 0.5) / quantile(times.new, 0.5)).toFixed(1)}x`.padStart(10)}  ${same ? "yes " : "NO  "}  (${what})`,
    );
  }
  console.log(`\nmachine load average while measuring: ${loadavg()[0]!.toFixed(2)} (on ${cpus().length} cores)`);

  const client = (db as unknown as { $client: Sql }).$client;
  let sequential = 0;
  for (const q of ["催收", undefined]) {
    const { statements, parameters } = await statementsDuring(database, () => searchDirectory(directoryQuerySchema.parse(q ? { q } : {})));
    for (const [i, statement] of statements.entries()) {
      if (!statement.includes('from "experts"')) continue;
      const plan = rowsOf<Record<string, string>>(await client.unsafe(`explain (analyze, costs off) ${statement}`, parameters[i] as never[]))
        .map((row) => Object.values(row)[0])
        .join("\n");
      console.log(`\nEXPLAIN ANALYZE, q=${q ?? "(none)"}: ${statement.slice(0, 90)}...\n${plan}`);
      if (q && /Seq Scan on experts\b/.test(plan)) sequential += 1;
    }
  }
  if (different) console.log(`${different} terms gave different answers.`);
  if (sequential) console.log(`${sequential} statements of a text search scan the experts sequentially.`);
  if (different || sequential) process.exitCode = 1;
} finally {
  setDatabase(undefined);
  await database.close();
  await bench.finish(Boolean(values.database));
}
