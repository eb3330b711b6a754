/**
 * The bare server the app is measured against: `node:http` and postgres.js, no framework. For a
 * read it replays the statements the app's own functions sent (see capture.ts), prepared, waiting
 * as many round trips as the app did, and answers their rows as JSON (or, for a page, as
 * renderToString of the same rows). A filing runs the app's use case itself on postgres.js: its
 * statements depend on each other's answers, so there is nothing to replay.
 *
 *   tsx scripts/bench/bare-server.ts <plans.json>   (prints "listening <port>" when ready)
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import postgres from "postgres";
import { openPostgres, setDatabase } from "@/db";
import { loadActor } from "@/lib/auth/actor";
import { getBoss } from "@/lib/jobs/queue";
import { fileRequest } from "@/lib/requests/file-request";
import { fileRequestApiSchema } from "@/lib/requests/schemas";
import type { Statement } from "./capture";

export interface BarePlan {
  method: "GET" | "POST";
  url: string;
  /** Signed in: the statements that find the actor (none answered: 401). */
  actor: Statement[] | null;
  /** The statements of the answer (a write: none, the use case runs). */
  data: Statement[];
  html: boolean;
  /** A write: the account it files as. */
  writeAs?: { userId: string; sessionId: string };
}

export interface BarePlans {
  databaseUrl: string;
  port: number;
  plans: BarePlan[];
}

const config = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as BarePlans;
const sql = postgres(config.databaseUrl, { max: 10, onnotice: () => {} });
const database = openPostgres(config.databaseUrl, { max: 10 });
setDatabase(database);
await getBoss(database);

const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

/** Runs statements round trip by round trip (those of one round trip together); the rows of each. */
async function replay(statements: Statement[]): Promise<unknown[][]> {
  const results: unknown[][] = [];
  const waits = [...new Set(statements.map((s) => s.wait))];
  for (const wait of waits) {
    const batch = statements.filter((s) => s.wait === wait);
    const rows = await Promise.all(batch.map((s) => sql.unsafe(s.text, s.params as postgres.ParameterOrJSON<never>[], { prepare: true })));
    results.push(...rows.map((r) => [...r]));
  }
  return results;
}

const page = (results: unknown[][]) =>
  "<!DOCTYPE html>" +
  renderToString(
    createElement(
      "main",
      null,
      results.map((rows, i) =>
        createElement(
          "ul",
          { key: i },
          rows.map((row, j) =>
            createElement(
              "li",
              { key: j },
              Object.values(row as Record<string, unknown>)
                .map((v) => (typeof v === "object" ? json(v) : String(v)))
                .join(" · "),
            ),
          ),
        ),
      ),
    ),
  );

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const plan = config.plans.find((p) => p.method === request.method && p.url === request.url);
  const send = (status: number, body: string, type = "application/json") => {
    response.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
    response.end(body);
  };
  if (!plan) return send(404, json({ error: "not_found" }));
  let actorRow: unknown = null;
  if (plan.actor) {
    if (!request.headers.cookie) return send(401, json({ error: "unauthorized" }));
    const [found] = await replay(plan.actor);
    if (!found?.length) return send(401, json({ error: "unauthorized" }));
    actorRow = found[0];
  }
  if (plan.writeAs) {
    const input = fileRequestApiSchema.parse(JSON.parse(await readBody(request)));
    const actor = await loadActor(plan.writeAs.userId, plan.writeAs.sessionId);
    const { replayed: _replayed, ...filed } = await fileRequest(actor, input);
    return send(201, json(filed));
  }
  const results = await replay(plan.data);
  if (plan.html) return send(200, page(results), "text/html; charset=utf-8");
  // A path with no statements of its own answers who is asking (GET /me).
  return send(200, json(plan.data.length ? results.at(-1) : actorRow));
}

const server = createServer((request, response) => {
  answer(request, response).catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
    response.end(json({ error: "internal" }));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(config.port, "127.0.0.1", () => console.log(`listening ${config.port}`));

const stop = () => {
  server.close();
  server.closeAllConnections();
  void Promise.all([sql.end({ timeout: 1 }), getBoss(database).then((b) => b.stop({ graceful: false, wait: true }))])
    .then(() => database.close({ timeoutSeconds: 1 }))
    .finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
