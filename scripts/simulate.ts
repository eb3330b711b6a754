/**
 * `npm run simulate [-- --seed 1 --requests 5000 --experts 200 --days 365 --parallel on|off|both]`
 *
 * A year of matching on a synthetic roster, run through the real routing use cases (lib/routing)
 * on a real database with a simulated clock: a fresh in-memory PGlite, or a fresh database on the
 * PostgreSQL server of DATABASE_URL (created here and dropped at the end; never the dev server's).
 * Requests arrive when the company files them; the admin triages them on working time (urgent ones
 * within the working hour). Prints conflicts of interest offered, capacity breaches, double
 * acceptances, working hours from filing to acceptance (urgent and all), the share of requests that
 * needed more than two offers, the caseload spread, and match quality as a ratio to an offline
 * optimum on the same data. `--parallel` runs the year with first-responder offers for urgent
 * requests (`on`: the service levels' parallelOffers, urgent 3), without (`off`: one offer at a time),
 * or both on the same world, one after the other (`both`, the default). The same seed gives the same figures.
 */
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openPostgres, pgliteDatabase, rowsOf, setDatabase, type Database } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seededRandom } from "@/db/seed/random";
import { seedReferenceData } from "@/db/seed/reference";
import { getBoss } from "@/lib/jobs/queue";
import { getRoutingSettings } from "@/lib/routing/weights";
import { defaultServiceLevels } from "@/lib/timeliness/defaults";
import { getServiceLevels, updateServiceLevels } from "@/lib/timeliness/service-levels";
import { workingHoursBetween } from "@/lib/timeliness/working-time";
import { conflictsWith, fit, gini, offlineOptimum, percentile } from "./simulation/metrics";
import { runYear } from "./simulation/run";
import { seedWorld } from "./simulation/seed-world";
import { generateWorld } from "./simulation/world";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

const seed = option("seed", 1);
const requestCount = option("requests", 5000);
const expertCount = option("experts", 200);
const days = option("days", 365);
const start = new Date("2026-01-01T00:00:00+08:00");
const parallelArg = process.argv.includes("--parallel") ? process.argv[process.argv.indexOf("--parallel") + 1] : "both";
if (parallelArg !== "on" && parallelArg !== "off" && parallelArg !== "both") throw new Error("--parallel takes on, off or both");
const passes = parallelArg === "both" ? [true, false] : [parallelArg === "on"];

async function openFresh(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = pgliteDatabase(new PGlite());
    await migrateDatabase(database);
    return { database, drop: async () => {} };
  }
  const name = `clcr_sim_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // drizzle's migrator wants a single connection on postgres.js
  // (and so does pg-boss creating its schema): prepare on one connection, then run on a pool
  const migrating = openPostgres(url.toString(), { max: 1 });
  await migrateDatabase(migrating);
  await (await getBoss(migrating)).stop({ graceful: false, wait: true });
  await migrating.close();
  return {
    database: openPostgres(url.toString(), { max: 4 }),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** One year on a fresh database, with first-responder offers for urgent requests or without. */
async function runPass(parallel: boolean) {
  const { database, drop } = await openFresh();
  const began = Date.now();
  try {
    setDatabase(database);
    await database.db.transaction((tx) => seedReferenceData(tx));
    // The queue must be running before any transaction (PGlite has one connection).
    const boss = await getBoss(database);

    const random = seededRandom(seed);
    const world = generateWorld(random, { experts: expertCount, requests: requestCount, days, start });
    const { admin, filers } = await seedWorld(database.db, world, random, start);
    if (!parallel) await updateServiceLevels(admin, { ...defaultServiceLevels, parallelOffers: { normal: 1, urgent: 1 } });
    const { parallelOffers } = await getServiceLevels(database.db);
    const settings = await getRoutingSettings(database.db);
    console.log(
      `Simulating ${days} days: ${world.experts.length} experts, ${world.requests.length} requests, seed ${seed}, on ${database.kind === "postgres" ? "PostgreSQL" : "PGlite (in memory)"}…`,
    );
    const obs = await runYear(database.db, world, random, admin, filers);
    const simulatedIn = (Date.now() - began) / 1000;

    const offerRows = rowsOf<{ request_id: string; expert_id: string }>(await database.db.execute(sql`select request_id, expert_id from offers`));
    const offersPer = new Map<string, number>();
    let conflicts = 0;
    for (const o of offerRows) {
      offersPer.set(o.request_id, (offersPer.get(o.request_id) ?? 0) + 1);
      const request = world.requests[obs.requestIds.get(o.request_id)!]!;
      if (conflictsWith(world, world.experts[obs.expertIds.get(o.expert_id)!]!, request)) conflicts += 1;
    }
    const filedAt = (id: string) => world.requests[obs.requestIds.get(id)!]!;
    const hours = [...obs.acceptedAt].map(([id, at]) => (at - filedAt(id).at) / 3_600_000);
    const working = [...obs.acceptedAt].map(([id, at]) => ({
      urgent: filedAt(id).urgent,
      hours: workingHoursBetween(new Date(filedAt(id).at), new Date(at)),
    }));
    const workingAll = working.map((w) => w.hours);
    const workingUrgent = working.filter((w) => w.urgent).map((w) => w.hours);
    const urgentCount = world.requests.filter((r) => r.urgent).length;
    const [twice] = rowsOf<{ n: number }>(
      await database.db.execute(
        sql`select count(*)::int as n from (select request_id from offers where status = 'accepted' group by request_id having count(*) > 1) t`,
      ),
    );
    const fmt = (x: number, d = 1) => x.toFixed(d);
    // Service levels, from the clocks the real sweep kept: a step counts once it was breached or done
    // (a step that ended without its owner, like an offer another expert took, counts for nobody).
    const levels = rowsOf<{ kind: string; counted: number; breached: number }>(
      await database.db.execute(sql`
        select kind::text as kind, count(*) filter (where breached_at is not null or (done_at is not null and not lapsed))::int as counted,
          count(*) filter (where breached_at is not null)::int as breached
        from deadlines group by kind order by kind`),
    );
    const [twiceTold] = rowsOf<{ reminders: number; breaches: number }>(
      await database.db.execute(sql`
        select count(*) filter (where kind = 'deadline.reminder')::int as reminders, count(*) filter (where kind = 'deadline.breached')::int as breaches
        from (select kind from notifications where kind in ('deadline.reminder', 'deadline.breached')
              group by kind, user_id, request_id, data->>'step', data->>'dueAt', data->>'offerId' having count(*) > 1) t`),
    );
    const counted = levels.reduce((sum, l) => sum + l.counted, 0);
    const breachedAll = levels.reduce((sum, l) => sum + l.breached, 0);
    const complianceLine = (l: { counted: number; breached: number }) =>
      l.counted ? `${fmt((100 * (l.counted - l.breached)) / l.counted)}% of ${l.counted}` : "—";
    const moreThanTwo = [...obs.requestIds.keys()].filter((id) => (offersPer.get(id) ?? 0) > 2).length;
    const caseload = obs.acceptedCases;
    const mean = caseload.reduce((s, v) => s + v, 0) / caseload.length;

    let online = 0;
    for (const [id, sim] of obs.requestIds) {
      const holder = obs.holder.get(id);
      if (holder !== undefined) online += fit(world, world.requests[sim]!, world.experts[holder]!, settings.weights);
    }
    const { optimum, unconstrained } = offlineOptimum(world, settings.weights);

    console.log(`
Routing simulation — ${world.requests.length} requests over ${days} days, ${world.experts.length} experts, seed ${seed}
  first-responder offers               ${parallel ? "on" : "off"} (offers at once: normal ${parallelOffers.normal}, urgent ${parallelOffers.urgent})
  urgent requests                      ${urgentCount} (${fmt((100 * urgentCount) / world.requests.length)}%); triage within 0.25–1 working hour when urgent, 0.5–5 otherwise
  offers made                          ${offerRows.length}
  requests accepted                    ${obs.acceptedAt.size} (${fmt((100 * obs.acceptedAt.size) / world.requests.length)}%); given up after 30 days: ${obs.unroutable}
  conflicts of interest offered        ${conflicts}        (target 0)
  capacity breaches                    ${obs.capacityBreaches}        (target 0)
  double acceptances                   ${Number(twice?.n ?? 0) + obs.doubleAcceptances}        (target 0; requests with two accepted offers, or accepted while held)
  working hours, filing to acceptance  urgent: median ${fmt(percentile(workingUrgent, 0.5))} (target <= 5), p90 ${fmt(percentile(workingUrgent, 0.9))}; all: median ${fmt(percentile(workingAll, 0.5))} (target <= 8), p90 ${fmt(percentile(workingAll, 0.9))}
  calendar hours, filing to acceptance median ${fmt(percentile(hours, 0.5))}, p90 ${fmt(percentile(hours, 0.9))}
  service levels met (all steps)       ${complianceLine({ counted, breached: breachedAll })}
${levels.map((l) => `    ${l.kind.padEnd(34)} ${complianceLine(l)}; breaches ${l.breached}`).join("\n")}
  reminders sent                       ${obs.remindersSent} in ${obs.sweeps} sweeps; sent twice: ${twiceTold?.reminders ?? 0} (target 0); breaches told twice: ${twiceTold?.breaches ?? 0}
  requests needing more than 2 offers  ${fmt((100 * moreThanTwo) / world.requests.length)}%
  caseload per expert (cases accepted) Gini ${fmt(gini(caseload), 3)} (target <= 0.25), max/mean ${fmt(Math.max(...caseload) / mean, 2)} (mean ${fmt(mean)})
  match quality vs offline optimum     ${fmt(online / optimum, 3)} (target >= 0.95); vs every request's best expert ${fmt(online / unconstrained, 3)}
  weights                              ${JSON.stringify(settings.weights)}
  run time                             ${fmt(simulatedIn)} s
`);
    await boss.stop({ graceful: false, wait: true });
  } finally {
    setDatabase(undefined);
    await database.close();
    await drop();
  }
}

for (const parallel of passes) await runPass(parallel);
