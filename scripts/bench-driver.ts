/**
 * `npm run bench:driver -- [--seconds 180] [--rate 0] [--pool 10]` (DATABASE_URL, or a local server)
 *
 * `select 1` through one postgres.js pool for minutes, to see whether the driver slows down the
 * longer it runs (3.4.9's queues did: patches/README.md). --rate N sends N queries a second on a
 * schedule; --rate 0 sends them as fast as the pool answers, four per connection in flight. Prints
 * per 10-second window the queries per second, p50/p99 milliseconds, this process's CPU time per
 * query (which other load on the machine does not inflate as much) and the longest array of the
 * driver's queues, then the last window against the first. Nothing is written to the database.
 * The figures of the unpatched driver: `npx patch-package --reverse`, run, then `npx patch-package`.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { isDriverQueuePatched, watchArraysOf } from "@/test/driver-queues";

const WINDOW_MS = 10_000;
const MAX_IN_FLIGHT = 10_000;

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "180" },
    rate: { type: "string", default: "0" },
    pool: { type: "string", default: "10" },
  },
});
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const pool = Number(values.pool);
if (!(seconds > 0) || !(rate >= 0) || !(pool >= 1)) {
  console.error("Usage: bench-driver [--seconds 180] [--rate queries/s, 0 = as fast as it goes] [--pool 10]");
  process.exit(1);
}
const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

interface Window {
  ms: number;
  latencies: number[];
  cpuMicros: number;
  largestArray: number;
}
const summary = (w: Window) => {
  const sorted = Float64Array.from(w.latencies).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const perQuery = w.cpuMicros / w.latencies.length;
  return { perSecond: (w.latencies.length * 1000) / w.ms, p50: at(0.5), p99: at(0.99), perQuery, largestArray: w.largestArray };
};
const format = (s: ReturnType<typeof summary>) =>
  `${Math.round(s.perSecond).toLocaleString("en").padStart(7)} q/s   p50 ${s.p50.toFixed(2)} ms   p99 ${s.p99.toFixed(2)} ms   cpu ${s.perQuery.toFixed(0)} µs/query   longest queue array ${s.largestArray}`;

const sql = postgres(serverUrl, { max: pool, onnotice: () => {} });
await sql`select 1`;
console.log(
  `postgres.js queues ${isDriverQueuePatched() ? "patched" : "UNPATCHED"}; pool ${pool}; ` +
    `${rate ? `${rate} queries/s` : `as fast as it goes (${4 * pool} in flight)`}; ${seconds} s; load average ${loadavg()[0]!.toFixed(2)}`,
);

const watch = watchArraysOf();
const windows: Window[] = [];
const newWindow = (): Window => ({ ms: 0, latencies: [], cpuMicros: 0, largestArray: 0 });
let current = newWindow();
let windowStart = performance.now();
let cpuStart = process.cpuUsage();
const closeWindow = () => {
  const now = performance.now();
  current.ms = now - windowStart;
  const cpu = process.cpuUsage(cpuStart);
  current.cpuMicros = cpu.user + cpu.system;
  current.largestArray = watch.largest();
  watch.reset();
  windows.push(current);
  console.log(`${String(Math.round((now - started) / 1000)).padStart(4)} s ${format(summary(current))}`);
  current = newWindow();
  windowStart = now;
  cpuStart = process.cpuUsage();
};

let inFlight = 0;
let running = true;
const query = async () => {
  inFlight++;
  const t = performance.now();
  await sql`select 1`;
  current.latencies.push(performance.now() - t);
  inFlight--;
};

const started = performance.now();
const windowTimer = setInterval(closeWindow, WINDOW_MS);
const stopAt = started + seconds * 1000;
if (rate) {
  // On a schedule: every tick sends what is due since the start; past the cap in flight, what is due is dropped.
  let sent = 0;
  await new Promise<void>((done) => {
    const tick = setInterval(() => {
      const now = performance.now();
      if (now >= stopAt) {
        clearInterval(tick);
        return done();
      }
      const due = Math.floor(((now - started) / 1000) * rate);
      for (; sent < due && inFlight < MAX_IN_FLIGHT; sent++) void query();
      sent = Math.max(sent, due);
    }, 2);
  });
} else {
  setTimeout(() => (running = false), seconds * 1000);
  await Promise.all(
    Array.from({ length: 4 * pool }, async () => {
      while (running) await query();
    }),
  );
}
while (inFlight > 0) await new Promise((r) => setTimeout(r, 10));
clearInterval(windowTimer);
if (current.latencies.length && performance.now() - windowStart >= 1000) closeWindow();
watch.stop();
await sql.end();

const first = windows[0];
const last = windows.at(-1);
if (first && last) {
  const a = summary(first);
  const b = summary(last);
  console.log(
    `last window against the first: ${(b.perSecond / a.perSecond).toFixed(2)}x the queries/s, ` +
      `${(b.p99 / a.p99).toFixed(2)}x the p99, ${(b.perQuery / a.perQuery).toFixed(2)}x the cpu per query, longest queue array ${a.largestArray} -> ${b.largestArray}; ` +
      `load average ${loadavg()[0]!.toFixed(2)}`,
  );
}
