/**
 * `npm run bench [-- --scale 0.01 --seconds 10 --connections 10 --fresh --json out.json --strict]`
 * (needs `npm run build` first; on the PostgreSQL server of DATABASE_URL, or a local one)
 *
 * The app side by side with a bare server answering the same questions with the same SQL, in one
 * table. It keeps a database of its own per scale (generated on first use: 100,000 experts,
 * 200,000 enterprises, 1,000,000 requests over five years, 10,000,000 disputes and 20,000,000
 * ledger entries at scale 1), starts the production build and the bare server on it, loads each
 * path on both one after the other (after a warm-up) and prints requests/s, p50 and p99 and the
 * ratio app/bare, with the round trips and statements the app's functions make for it (the
 * actor's lookup included). Then the EXPLAIN check (a sequential scan of a large table is a failure line)
 * and the two-process check. Exits non-zero when a path errors, the
 * two servers answer a path with different statuses, filing loses or duplicates a request, or the
 * two-process check fails (and with `--strict`, on a sequential scan too).
 * The other benchmarks: npm run bench:routing, bench:reports, bench:driver, bench:search (bench:all runs them).
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openPostgres, rowsOf, setDatabase } from "@/db";
import { loadActor } from "@/lib/auth/actor";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { startSession } from "@/lib/auth/sessions";
import type { BarePlans } from "./bench/bare-server";
import { captureStatements, type Statement } from "./bench/capture";
import { benchDatabaseName, ensureBenchDatabase } from "./bench/database";
import { findSeqScans } from "./bench/explain";
import { BENCH_ADMIN_ID, BENCH_COMPANY_EMAIL, countsAt } from "./bench/generate";
import { loadOnce, type LoadFigures } from "./bench/load";
import { accountOf, benchPaths, type Account, type BenchPath, type Fixtures } from "./bench/paths";
import { startApp, startBare, type RunningServer } from "./bench/servers";
import { runTwoProcessCheck } from "./bench/two-process";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    port: { type: "string", default: "3190" },
    fresh: { type: "boolean", default: false },
    json: { type: "string" },
    strict: { type: "boolean", default: false },
    "no-two-process": { type: "boolean", default: false },
  },
});
const scale = Number(args.scale);
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const port = Number(args.port);
if (!(scale > 0 && scale <= 1) || !(seconds > 0) || !(connections > 0)) {
  console.error("--scale must be in (0, 1], --seconds and --connections positive.");
  process.exit(2);
}
if (!existsSync(path.join(".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first (the benchmark starts `next start`).");
  process.exit(2);
}
const secret = randomBytes(32).toString("hex");
// The cookies signed here must be the ones the app accepts.
process.env.NEXTAUTH_SECRET = secret;
const failures: string[] = [];
const fail = (line: string) => {
  failures.push(line);
  console.log(`FAIL ${line}`);
};

const counts = countsAt(scale);
// Below a tenth of full size the planner scans small tables whatever their indexes (see bench/explain.ts).
const priceOutSeqScans = scale < 0.1;
console.error(
  `Database ${benchDatabaseName(scale)}: ${Object.entries(counts)
    .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
    .join(", ")}`,
);
const started = performance.now();
const bench = await ensureBenchDatabase(scale, args.fresh);
console.error(bench.generated ? `Generated in ${((performance.now() - started) / 1000).toFixed(0)} s.` : "Reused (--fresh rebuilds it).");
const database = openPostgres(bench.url, { max: 4 });
setDatabase(database);
const { db } = database;

async function signIn(userId: string, role: string): Promise<Account> {
  const sessionId = await startSession(userId);
  const { name, value } = await sessionCookie("next-auth.session-token", { userId, role, sessionId });
  return { userId, sessionId, cookie: `${name}=${value}` };
}

async function fixtures(): Promise<Fixtures> {
  const [row] = rowsOf<{ company_user: string; request_id: string; triaged_id: string }>(
    await db.execute(sql`select u.id as company_user,
      (select id from requests r where r.enterprise_id = u.enterprise_id and r.status = 'closed' order by submitted_at desc limit 1) as request_id,
      (select id from requests r where r.status = 'triaged' order by submitted_at desc limit 1) as triaged_id
      from users u where u.email = ${BENCH_COMPANY_EMAIL}`),
  );
  if (!row?.request_id || !row.triaged_id) throw new Error("The benchmark database lacks its company's requests: run with --fresh.");
  return {
    company: await signIn(row.company_user, "enterprise"),
    admin: await signIn(BENCH_ADMIN_ID, "admin"),
    requestId: row.request_id,
    triagedId: row.triaged_id,
  };
}

interface Captured {
  path: BenchPath;
  actor: Statement[] | null;
  data: Statement[];
}

/**
 * Each path's SQL as the app's functions send it once warm (a read runs once first, as the served
 * app has long since done: ranking then reads only the routing profiles written since, not all of
 * them): the actor's lookup, then the answer's.
 */
async function capturePaths(f: Fixtures): Promise<Captured[]> {
  const captured: Captured[] = [];
  for (const benchPath of benchPaths) {
    const account = accountOf(benchPath, f);
    const actorCapture = account ? await captureStatements(bench.url, () => loadActor(account.userId, account.sessionId)) : null;
    const actor = actorCapture?.result ?? null;
    if (account && !actor) throw new Error(`${benchPath.key}: the benchmark's session is not live`);
    const query = Object.fromEntries(new URL(benchPath.url(f), "http://bench").searchParams);
    if (!benchPath.write) await benchPath.run(actor, query, f);
    const data = await captureStatements(bench.url, () => benchPath.run(actor, query, f));
    captured.push({ path: benchPath, actor: actorCapture?.statements ?? null, data: data.statements });
  }
  return captured;
}

const headersFor = (p: BenchPath, f: Fixtures): Record<string, string> => ({
  ...(accountOf(p, f) ? { cookie: accountOf(p, f)!.cookie } : {}),
  ...(p.body ? { "content-type": "application/json" } : {}),
});

const filedCount = async (f: Fixtures) =>
  rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from requests where filed_by_user_id = ${f.company.userId}`))[0]!.n;

interface Side extends LoadFigures {
  /** Filing: requests written during the measured run. */
  rows?: number;
}

/** Warm-up, then the measured run. A write is measured by count (the warm-up's rate times the seconds) so every answer is in. */
async function measure(server: RunningServer, p: BenchPath, f: Fixtures): Promise<Side> {
  const options = { origin: server.origin, url: p.url(f), method: p.method, headers: headersFor(p, f), body: p.body, connections };
  const warm = await loadOnce({ ...options, seconds: Math.max(0.5, Math.min(5, seconds / 4)) });
  if (!p.write) return loadOnce({ ...options, seconds });
  // The warm-up stops with requests in flight; they are written after it returns.
  let before = await filedCount(f);
  for (let settled = 0; settled < 3; ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await filedCount(f);
    settled = now === before ? settled + 1 : 0;
    before = now;
  }
  const figures = await loadOnce({ ...options, seconds, amount: Math.max(connections * 2, Math.round(warm.requestsPerSecond * seconds)) });
  return { ...figures, rows: (await filedCount(f)) - before };
}

/** One request to each server: both must answer 2xx, with the same status. */
async function checkStatuses(app: RunningServer, bare: RunningServer, p: BenchPath, f: Fixtures) {
  const ask = async (server: RunningServer) => {
    const response = await fetch(server.origin + p.url(f), { method: p.method, headers: headersFor(p, f), body: p.body });
    return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
  };
  const [a, b] = [await ask(app), await ask(bare)];
  if (a.status !== b.status) fail(`${p.label}: the app answered ${a.status}, the bare server ${b.status}`);
  else if (a.status >= 300) fail(`${p.label}: both answered ${a.status}`);
  return { app: a, bare: b };
}

const workDir = mkdtempSync(path.join(tmpdir(), "clcr-bench-"));
const servers: RunningServer[] = [];
const rows: { path: BenchPath; app: Side; bare: Side; ratio: number; roundTrips: number; statements: number; note: string }[] = [];
const roundTrips = (statements: Statement[]) => new Set(statements.map((s) => s.wait)).size;
let seqScans: Awaited<ReturnType<typeof findSeqScans>> = [];
let twoProcess: { ok: boolean } | null = null;
try {
  const f = await fixtures();
  const captured = await capturePaths(f);
  const plans: BarePlans = {
    databaseUrl: bench.url,
    port: port + 1,
    plans: captured.map(({ path: p, actor, data }) => ({
      method: p.method,
      url: p.url(f),
      actor,
      data: p.write ? [] : data,
      html: Boolean(p.html),
      ...(p.write ? { writeAs: { userId: f.company.userId, sessionId: f.company.sessionId } } : {}),
    })),
  };
  const plansFile = path.join(workDir, "plans.json");
  writeFileSync(plansFile, JSON.stringify(plans));
  console.error(`Starting the production build and the bare server (logs in ${workDir}) ...`);
  const app = await startApp({ databaseUrl: bench.url, port, secret, logDir: workDir });
  servers.push(app);
  const bare = await startBare({ plansFile, port: port + 1, secret, databaseUrl: bench.url, logDir: workDir });
  servers.push(bare);

  for (const { path: p, actor, data } of captured) {
    console.error(`Loading ${p.label} ...`);
    const sizes = await checkStatuses(app, bare, p, f);
    const appSide = await measure(app, p, f);
    const bareSide = await measure(bare, p, f);
    const notes: string[] = [];
    for (const [name, side] of [
      ["app", appSide],
      ["bare", bareSide],
    ] as const) {
      const other = Object.entries(side.statuses).filter(([status]) => !status.startsWith("2"));
      if (side.errors || other.length)
        fail(`${p.label} on ${name}: ${side.errors} errors, ${other.map(([s, n]) => `${n} x ${s}`).join(", ") || "no other statuses"}`);
      if (p.write) {
        const created = side.statuses["201"] ?? 0;
        notes.push(`${name} 201s ${created} rows ${side.rows}`);
        if (created !== side.rows) fail(`${p.label} on ${name}: ${created} answered 201 but ${side.rows} requests written`);
      }
    }
    for (const [name, side] of [
      ["app", appSide],
      ["bare", bareSide],
    ] as const) {
      if (!side.requestsPerSecond) notes.push(`${name}: no answer within the run (longer --seconds)`);
    }
    if (p.html) notes.push(`HTML ${(sizes.app.bytes / 1024).toFixed(0)} KB vs ${(sizes.bare.bytes / 1024).toFixed(0)} KB`);
    rows.push({
      path: p,
      app: appSide,
      bare: bareSide,
      ratio: appSide.requestsPerSecond / bareSide.requestsPerSecond,
      roundTrips: roundTrips(actor ?? []) + roundTrips(data),
      statements: (actor?.length ?? 0) + data.length,
      note: notes.join("; "),
    });
  }

  seqScans = await findSeqScans(
    bench.url,
    captured.map((c) => ({ key: c.path.key, statements: [...(c.actor ?? []), ...c.data] })),
    priceOutSeqScans,
  );

  // ---- Two-process check (scripts/bench/two-process-check.ts); --no-two-process skips it ----
  if (!args["no-two-process"]) {
    for (const server of servers.splice(0)) await server.stop();
    console.error("Two-process check ...");
    try {
      twoProcess = await runTwoProcessCheck([port + 2, port + 3]);
      if (!twoProcess.ok) fail(`two-process check: ${JSON.stringify(twoProcess)}`);
    } catch (error) {
      fail(`two-process check: ${(error as Error).message}`);
    }
  }
} finally {
  for (const server of servers) await server.stop();
  await database.close();
  rmSync(workDir, { recursive: true, force: true });
}

const fixed = (n: number, digits = 0) => n.toFixed(digits);
const header = ["path", "app req/s", "p50 ms", "p99 ms", "bare req/s", "p50 ms", "p99 ms", "app/bare", "waits/sql", ""];
const widths = [30, 10, 7, 7, 10, 7, 7, 8, 9];
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[0]!) : i < widths.length ? c.padStart(widths[i]!) : `  ${c}`)).join(" ");
console.log(
  `\nnpm run bench -- --scale ${scale} --seconds ${seconds} --connections ${connections}  (${Object.entries(counts)
    .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
    .join(", ")})`,
);
console.log(line(header));
for (const r of rows) {
  console.log(
    line([
      r.path.label,
      fixed(r.app.requestsPerSecond),
      fixed(r.app.p50, 1),
      fixed(r.app.p99, 1),
      fixed(r.bare.requestsPerSecond),
      fixed(r.bare.p50, 1),
      fixed(r.bare.p99, 1),
      fixed(r.ratio, 3),
      `${r.roundTrips}/${r.statements}`,
      r.note,
    ]),
  );
}
const explainMode = priceOutSeqScans ? "sequential scans priced out, the database being small" : "planner defaults";
console.log(
  `\nEXPLAIN of every statement of these paths (${explainMode}): ${seqScans.length ? `${seqScans.length} sequential scans of large tables` : "no sequential scan of a large table"}`,
);
for (const s of seqScans) {
  const line = `explain ${s.path}: sequential scan of ${s.table} in: ${s.statement.replace(/\s+/g, " ").slice(0, 160)}`;
  if (args.strict) fail(line);
  else console.log(`FAIL ${line}`);
}
if (twoProcess !== null) console.log(`Two-process check: ${JSON.stringify(twoProcess)}`);
console.log(`machine load average: ${loadavg()[0]!.toFixed(2)} (on ${cpus().length} cores)`);
if (args.json) {
  const report = {
    scale,
    counts,
    seconds,
    connections,
    paths: rows.map((r) => ({
      key: r.path.key,
      label: r.path.label,
      app: r.app,
      bare: r.bare,
      ratio: r.ratio,
      roundTrips: r.roundTrips,
      statements: r.statements,
      note: r.note,
    })),
    seqScans,
    twoProcess,
    failures,
  };
  writeFileSync(args.json, JSON.stringify(report, null, 2));
}
if (failures.length) {
  console.log(`\n${failures.length} failures.`);
  process.exit(1);
}
process.exit(0);
