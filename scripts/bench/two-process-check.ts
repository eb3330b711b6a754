/**
 * Two app processes on one PostgreSQL database stay consistent: what one changes, the other serves
 * at once, its cached public data included. Starts two `next start` (the production build must
 * exist) on a database that holds the demo world, warms both caches, suspends a listed expert as
 * the demo admin through the first and watches the second's directory, a search for the expert's
 * name and the figures until they show it; then reinstates the expert through the second and watches the first; then files a request
 * as the demo company through the first and watches the second's count of requests filed (the
 * figures are not announced but expire by time, lib/public-cache/tags.ts). Run with
 *   npx tsx scripts/bench/two-process-check.ts <database-url> [port-a] [port-b]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { demoAccounts, DEMO_PASSWORD } from "@/db/seed/demo-data";
import { filingBody } from "./filing-body";
import { stopChild } from "./servers";

export interface TwoProcessResult {
  /** Milliseconds from the change's answer until the other process served it (null: not within the limit). */
  suspendSeenAfterMs: number | null;
  reinstateSeenAfterMs: number | null;
  filingSeenAfterMs: number | null;
  limitMs: number;
  ok: boolean;
}

interface Options {
  databaseUrl: string;
  ports?: [number, number];
  limitMs?: number;
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startApp(port: number, databaseUrl: string, secret: string): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: {
      ...process.env,
      NEXT_MANUAL_SIG_HANDLE: "true",
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function waitUntilUp(base: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/v1/specialties`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${base} did not start`);
}

/** Signs in through next-auth's credentials flow and answers the cookie header to send. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = answer.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`signing in as ${email} failed (${answer.status})`);
  return [...cookies, session].join("; ");
}

interface Figures {
  listed: string[];
  /** The ids a search of the directory finds (none without a search). */
  found: string[];
  expertsActive: number;
  requestsFiled: number;
}

type DirectoryPage = { items: { id: string; name: string }[] };

async function figures(base: string, search = ""): Promise<Figures & { names: string[] }> {
  const [directory, found, stats] = await Promise.all([
    fetch(`${base}/api/v1/experts`),
    search ? fetch(`${base}/api/v1/experts?q=${encodeURIComponent(search)}`) : null,
    fetch(`${base}/api/v1/stats`),
  ]);
  const { items } = (await directory.json()) as DirectoryPage;
  const searched = found ? ((await found.json()) as DirectoryPage).items : [];
  const { expertsActive, requestsFiled } = (await stats.json()) as { expertsActive: number; requestsFiled: number };
  return { listed: items.map((i) => i.id), names: items.map((i) => i.name), found: searched.map((i) => i.id), expertsActive, requestsFiled };
}

async function post(base: string, path: string, cookie: string, body: unknown): Promise<void> {
  const answer = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`POST ${path}: ${answer.status} ${await answer.text()}`);
}

/** Polls until `seen` holds, up to the limit; answers the milliseconds it took or null. */
async function watch(base: string, seen: (f: Figures) => boolean, limitMs: number, search = ""): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started <= limitMs) {
    if (seen(await figures(base, search))) return Math.round(performance.now() - started);
    await sleep(20);
  }
  return null;
}

export async function twoProcessCheck({ databaseUrl, ports = [3261, 3262], limitMs = 1000, log = () => {} }: Options): Promise<TwoProcessResult> {
  const secret = randomBytes(32).toString("hex");
  const [a, b] = ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];
  const apps = ports.map((port) => startApp(port, databaseUrl, secret));
  try {
    await Promise.all([waitUntilUp(a), waitUntilUp(b)]);
    // Twice each: the first read fills the cache, the second is served from it.
    const listed = await figures(b);
    const [expertId, name] = [listed.listed[0], listed.names[0]];
    if (!expertId || !name) throw new Error("the directory lists nobody: is the demo world seeded?");
    for (let i = 0; i < 2; i++) await Promise.all([figures(a, name), figures(b, name)]);
    const before = await figures(b, name);
    if (!before.found.includes(expertId)) throw new Error(`a search for ${name} does not find them`);
    const [cookieA, cookieB] = await Promise.all([signIn(a, demoAccounts.admin, DEMO_PASSWORD), signIn(b, demoAccounts.admin, DEMO_PASSWORD)]);

    await post(a, `/api/v1/experts/${expertId}/suspend`, cookieA, { reason: "two-process check" });
    const suspendSeenAfterMs = await watch(
      b,
      (f) => !f.listed.includes(expertId) && !f.found.includes(expertId) && f.expertsActive === before.expertsActive - 1,
      limitMs,
      name,
    );
    log(`suspended through A, seen through B after ${suspendSeenAfterMs ?? "(not seen)"} ms`);

    for (let i = 0; i < 2; i++) await figures(a, name);
    await post(b, `/api/v1/experts/${expertId}/reinstate`, cookieB, { reason: "two-process check" });
    const reinstateSeenAfterMs = await watch(
      a,
      (f) => f.listed.includes(expertId) && f.found.includes(expertId) && f.expertsActive === before.expertsActive,
      limitMs,
      name,
    );
    log(`reinstated through B, seen through A after ${reinstateSeenAfterMs ?? "(not seen)"} ms`);

    const company = await signIn(a, demoAccounts.enterprise, DEMO_PASSWORD);
    const filedBefore = (await figures(b)).requestsFiled;
    for (let i = 0; i < 2; i++) await figures(b);
    await post(a, "/api/v1/requests", company, filingBody);
    const filingSeenAfterMs = await watch(b, (f) => f.requestsFiled === filedBefore + 1, limitMs);
    log(`filed through A, counted through B after ${filingSeenAfterMs ?? "(not seen)"} ms`);

    const ok = suspendSeenAfterMs !== null && reinstateSeenAfterMs !== null && filingSeenAfterMs !== null;
    return { suspendSeenAfterMs, reinstateSeenAfterMs, filingSeenAfterMs, limitMs, ok };
  } finally {
    // Stopped before the caller drops the database: a process still draining would report the
    // database's going as an error.
    await Promise.all(apps.map(stopChild));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [databaseUrl, portA, portB] = process.argv.slice(2);
  if (!databaseUrl) {
    console.error("usage: tsx scripts/bench/two-process-check.ts <database-url> [port-a] [port-b]");
    process.exit(2);
  }
  const result = await twoProcessCheck({ databaseUrl, ports: [Number(portA ?? 3261), Number(portB ?? 3262)], log: console.log });
  console.log(JSON.stringify(result));
  process.exit(result.ok ? 0 : 1);
}
