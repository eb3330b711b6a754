import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "../fixtures";
import type { AccessRow, ActorKind, Call, World } from "./types";

// The discovery of route handlers and the world of actors, shared by the access and contract suites.

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
export const rows = Object.values(rowModules).flatMap((m) => m.rows);
export const rowsByRoute = new Map(rows.map((r) => [r.route, r]));
/** Every route module of ours under app/api, as "app/api/v1/…/route.ts". */
export const routeFiles = findRouteFiles(path.join(ROOT, "app/api")).filter((f) => !EXTERNAL.has(f));

export type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routeModules = import.meta.glob<Record<string, Handler>>("../../app/api/**/route.ts");

export async function handlersOf(file: string): Promise<[string, Handler][]> {
  const load = routeModules[`../../${file}`];
  if (!load) throw new Error(`route module not loadable: ${file}`);
  const mod = await load();
  return METHODS.filter((m) => typeof mod[m] === "function").map((m) => [m, mod[m]!]);
}

/** "/api/v1/requests/[id]" for "app/api/v1/requests/[id]/route.ts". */
export const routePath = (file: string) => "/" + path.dirname(file).replace(/^app\//, "");

export type Tokens = Record<Exclude<ActorKind, "anonymous">, string>;

/** The actors every row is tried with, and a bearer token for each. */
export async function createWorld(): Promise<{ world: World; tokens: Tokens }> {
  const world: World = {
    enterprise: await createEnterpriseActor(),
    otherEnterprise: await createEnterpriseActor(),
    expert: await createExpertActor(),
    station: await createStationActor(),
    admin: await createAdminActor(),
    otherDistrictAdmin: await createAdminActor("310118"),
  };
  const tokens = {} as Tokens;
  for (const kind of ["enterprise", "otherEnterprise", "expert", "station", "admin", "otherDistrictAdmin"] as const)
    tokens[kind] = await bearerFor(world[kind]);
  return { world, tokens };
}

/** The request of one row's call as one kind of actor: JSON for writes (an empty object when the row sends none). */
export function requestFor(method: string, file: string, call: Call, token: string | undefined): Request {
  let urlPath = routePath(file);
  for (const [key, value] of Object.entries(call.params ?? {})) urlPath = urlPath.replace(`[${key}]`, value);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Request(`http://localhost${urlPath}${call.query ? `?${call.query}` : ""}`, {
    method,
    headers,
    body: method === "GET" || method === "DELETE" ? undefined : JSON.stringify(call.body ?? {}),
  });
}
