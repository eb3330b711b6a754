import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../database";
import { createWorld, handlersOf, requestFor, routeFiles, routePath, rows, rowsByRoute, type Tokens } from "./routes";
import { actorKinds, type World } from "./types";

/**
 * The access-control suite. It finds every route handler under app/api by itself and fails when
 * a method has no row in the tables under ./rows; each row is called as every kind of actor.
 */
useTestDatabase();

describe("access control over every route handler", () => {
  let world: World;
  let tokens: Tokens;

  beforeAll(async () => {
    ({ world, tokens } = await createWorld());
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
            const request = requestFor(method, file, call, kind === "anonymous" ? undefined : tokens[kind]);
            const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
            actual[kind] = response.status;
          }
          expect({ route: `${method} ${routePath(file)}`, ...actual }).toEqual({ route: `${method} ${routePath(file)}`, ...row.expect });
        }
      });
    });
  }
});
