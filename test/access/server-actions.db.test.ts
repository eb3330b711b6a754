import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { can, outsideDistrict } from "@/lib/authz";
import { actionConfigOf, type ActionResult } from "@/lib/http/server-action";
import { callActionAs, type Caller } from "../action-caller";
import { useTestDatabase } from "../database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "../fixtures";
import { ROOT, serverActionFiles } from "../server-action-files";
import { actionCallerKinds, roleOf, type ActionCallerKind, type ActionRow, type ActionRows, type ActionWorld, type Outcome } from "./action-types";
import { databaseFingerprint } from "./database-fingerprint";

/**
 * The access-control suite of the server actions, the twin of the one over the route handlers.
 * It finds every export of every "use server" file by itself and fails when one has no row in the
 * tables under ./action-rows; each row is called as every kind of caller. Who may get past the
 * permission check comes from the action's own permission and lib/authz.ts; a caller kept out must
 * get 401/403, and any caller refused (there, or by the use case: not theirs) must leave the
 * database as it was.
 */
vi.mock("next/headers", () => import("@/test/next-request"));
vi.mock("next/cache", () => import("@/test/next-request"));

useTestDatabase();

const rowModules = import.meta.glob<{ rows: ActionRows }>("./action-rows/*.ts", { eager: true });
const rowsByFile: ActionRows = Object.assign({}, ...Object.values(rowModules).map((m) => m.rows));

type ServerAction = (raw: unknown) => Promise<ActionResult<unknown>>;

/** The exports of a "use server" file, loaded by the path the discovery found. */
async function actionsOf(file: string): Promise<Record<string, ServerAction>> {
  return (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, ServerAction>;
}

/**
 * What each caller must get: 401/403 for whom the permission table keeps out; for the others the
 * row's word, or "allowed" when the row sends no input (`{}`, so the input's rules answer).
 */
function documentedOutcomes(row: ActionRow): Record<ActionCallerKind, Outcome> {
  const outcomes = {} as Record<ActionCallerKind, Outcome>;
  for (const kind of actionCallerKinds) {
    const { permission } = row;
    const gate: Outcome =
      permission === "public"
        ? "allowed"
        : kind === "anonymous"
          ? "unauthorized"
          : kind === "scopedToken" || !can(roleOf[kind], permission) || (kind === "otherDistrictAdmin" && outsideDistrict[permission] === "zone")
            ? "forbidden"
            : "allowed";
    const stated = row.expect?.[kind];
    if (stated && gate !== "allowed") throw new Error(`a row cannot say what ${kind} gets: the permission table keeps them out`);
    // Records made for the call are someone's: the row says what each caller let in gets with them.
    if (!stated && gate === "allowed" && row.input) throw new Error(`the row builds input, so it must say what ${kind} gets`);
    outcomes[kind] = stated ?? gate;
  }
  return outcomes;
}

/** The outcome in the row's words: "allowed" when one was expected and the caller got past the gate. */
function describeResult(result: ActionResult<unknown>, expected: Outcome): string {
  const actual = result.ok ? "ok" : result.code;
  if (expected === "allowed" && !["unauthorized", "forbidden", "internal"].includes(actual)) return "allowed";
  return actual;
}

describe("access control over every server action", () => {
  const world = {} as ActionWorld;
  const callers = {} as Record<ActionCallerKind, Caller>;

  beforeAll(async () => {
    world.enterprise = await createEnterpriseActor();
    world.otherEnterprise = await createEnterpriseActor();
    world.expert = await createExpertActor();
    world.station = await createStationActor();
    world.admin = await createAdminActor();
    world.otherDistrictAdmin = await createAdminActor("310118");
    Object.assign(callers, world, { anonymous: "anonymous" });
    callers.scopedToken = { bearer: await bearerFor(world.admin, ["me.read"]) };
  });

  it("has a row for every server action, and no row for an action that is gone", async () => {
    const found: string[] = [];
    for (const file of serverActionFiles()) for (const name of Object.keys(await actionsOf(file))) found.push(`${file} ${name}`);
    const listed = Object.entries(rowsByFile).flatMap(([file, actions]) => Object.keys(actions).map((name) => `${file} ${name}`));
    const missing = found.filter((a) => !listed.includes(a));
    const stale = listed.filter((a) => !found.includes(a));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  for (const [file, actions] of Object.entries(rowsByFile)) {
    describe(file, () => {
      for (const [name, row] of Object.entries(actions)) {
        it(`${name} answers each caller as documented`, async () => {
          const serverAction = (await actionsOf(file))[name];
          expect(actionConfigOf(serverAction)?.permission, "the row's permission is the one the action is built with").toBe(row.permission);
          const expected = documentedOutcomes(row);
          const actual = {} as Record<ActionCallerKind, string>;
          for (const kind of actionCallerKinds) {
            const input = (await row.input?.(world)) ?? {};
            // A caller turned away, at the gate or by the use case, must leave no trace.
            const isRefused = expected[kind] !== "ok" && expected[kind] !== "allowed";
            const before = isRefused ? await databaseFingerprint() : undefined;
            const result = await callActionAs(callers[kind], serverAction!, input);
            actual[kind] = describeResult(result, expected[kind]);
            if (before) {
              const after = await databaseFingerprint();
              const written = Object.keys(after).filter((table) => after[table] !== before[table]);
              if (written.length) actual[kind] += `, and wrote to the database (${written.join(", ")})`;
            }
          }
          expect({ action: name, ...actual }).toEqual({ action: name, ...expected });
        });
      }
    });
  }
});
