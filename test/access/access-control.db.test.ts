import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "../fixtures";
import { actorKinds, type AccessRow, type ActorKind, type World } from "./types";

/**
 * The access-control suite. It finds every route handler under app/api by itself and fails when
 * a method has no row in the tables under ./rows; each row is called as every kind of actor.
 */
useTestDatabase();

// next-auth's own endpoints (sign-in, csrf, session) are not ours to tabulate.
const EXTERNAL = new Set(["app/api/auth/[...nextauth]/route.ts"]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const ROOT = path.resolve(__dirname, "../..");

function findRouteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return findRouteFiles(full);
    return name === "route.ts" ? [path.relative(ROOT, full)] : [];
  });
}

const rowModules = import.meta.glob<{ rows: AccessRow[] }>("./rows/*.ts", { eager: true });
const rows = Object.values(rowModules).flatMap((m) => m.rows);
const rowsByRoute = new Map(rows.map((r) => [r.route, r]));
const routeFiles = findRouteFiles(path.join(ROOT, "app/api")).filter((f) => !EXTERNAL.has(f));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routeModules = import.meta.glob<Record<string, Handler>>("../../app/api/**/route.ts");

async function handlersOf(file: string): Promise<[string, Handler][]> {
  const load = routeModules[`../../${file}`];
  if (!load) throw new Error(`route module not loadable: ${file}`);
  const mod = await load();
  return METHODS.filter((m) => typeof mod[m] === "function").map((m) => [m, mod[m]!]);
}

const routePath = (file: string) => "/" + path.dirname(file).replace(/^app\//, "");

describe("access control over every route handler", () => {
  const world = {} as World;
  const tokens = {} as Record<Exclude<ActorKind, "anonymous">, string>;

  beforeAll(async () => {
    world.enterprise = await createEnterpriseActor();
    world.otherEnterprise = await createEnterpriseActor();
    world.expert = await createExpertActor();
    world.station = await createStationActor();
    world.admin = await createAdminActor();
    for (const kind of ["enterprise", "otherEnterprise", "expert", "station", "admin"] as const) tokens[kind] = await bearerFor(world[kind]);
  });

  it("has a row for every method of every route handler, and no row for a route that is gone", async () => {
    const found: string[] = [];
    for (const file of routeFiles) for (const [method] of await handlersOf(file)) found.push(`${method} ${routePath(file)}`);
    const missing = found.filter((r) => !rowsByRoute.has(r));
    const stale = rows.map((r) => r.route).filter((r) => !found.includes(r));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  for (const file of routeFiles) {
    describe(routePath(file), () => {
      it("answers each actor with the status in its row", async () => {
        for (const [method, handler] of await handlersOf(file)) {
          const row = rowsByRoute.get(`${method} ${routePath(file)}`);
          if (!row) continue; // reported by the completeness test above
          const actual: Record<string, number> = {};
          for (const kind of actorKinds) {
            const call = (await row.setup?.(world)) ?? {};
            let urlPath = routePath(file);
            for (const [key, value] of Object.entries(call.params ?? {})) urlPath = urlPath.replace(`[${key}]`, value);
            const headers: Record<string, string> = { "content-type": "application/json" };
            if (kind !== "anonymous") headers.authorization = `Bearer ${tokens[kind]}`;
            const request = new Request(`http://localhost${urlPath}${call.query ? `?${call.query}` : ""}`, {
              method,
              headers,
              body: method === "GET" || method === "DELETE" ? undefined : JSON.stringify(call.body ?? {}),
            });
            const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
            actual[kind] = response.status;
          }
          expect({ route: `${method} ${routePath(file)}`, ...actual }).toEqual({ route: `${method} ${routePath(file)}`, ...row.expect });
        }
      });
    });
  }
});
