import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { experts, specialties } from "@/db/schema";
import { openSecondConnection, useTestDatabase } from "@/test/database";
import { createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { createTriagedRequest } from "@/test/routing-fixtures";
import { drizzle } from "drizzle-orm/postgres-js";
import { todayInShanghai } from "@/lib/clock";
import { rankEligible } from "./candidates";
import { loadRoutingRequest } from "./load-routing-request";
import { KeptProfiles, readRoutingSnapshot } from "./routing-snapshot";
import type { RoutingRequest } from "./types";
import type { DbOrTx } from "@/db";

useTestDatabase();

let n = 0;
/** Two experts and a request of a specialty of this test's own. */
async function world() {
  n += 1;
  const code = `snap_${Date.now().toString(36)}_${n}`;
  await db.insert(specialties).values({ code, nameZh: code, nameEn: code });
  const a = await createExpertActor({ specialties: [code] });
  const b = await createExpertActor({ specialties: [code] });
  const requestId = await createTriagedRequest(await createEnterpriseActor(), { specialties: [code] });
  const request = (await loadRoutingRequest(db, requestId))!;
  return { a: a.expertId!, b: b.expertId!, request };
}

/** A promise and the function that settles it: one transaction waits for another's step, not for a guessed time. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

const idsOf = (ranking: Iterable<{ expertId: string }>) => Array.from(ranking, (c) => c.expertId).sort();

describe("ranking from the kept routing profiles", () => {
  it("sees every change committed since the last ranking", async () => {
    const { a, b, request } = await world();
    expect(idsOf(await rankEligible(db, request))).toEqual([a, b].sort());
    await db.update(experts).set({ status: "suspended" }).where(eq(experts.id, a));
    expect(idsOf(await rankEligible(db, request))).toEqual([b]);
    await db.update(experts).set({ status: "active", capacity: 0 }).where(eq(experts.id, a));
    await db.update(experts).set({ pausedUntil: "2099-01-01" }).where(eq(experts.id, b));
    expect(idsOf(await rankEligible(db, request))).toEqual([]);
    await db.update(experts).set({ capacity: 3 }).where(eq(experts.id, a));
    expect(idsOf(await rankEligible(db, request))).toEqual([a]);
  });

  it("uses what the caller's own transaction wrote, and forgets it when that transaction rolls back", async () => {
    const { a, b, request } = await world();
    await rankEligible(db, request);
    await expect(
      db.transaction(async (tx) => {
        await tx.update(experts).set({ status: "suspended" }).where(eq(experts.id, a));
        expect(idsOf(await rankEligible(tx, request))).toEqual([b]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(idsOf(await rankEligible(db, request))).toEqual([a, b].sort());
  });

  it("sees a change committed after a later transaction's, by a transaction that began first (PostgreSQL)", async (context) => {
    const { a, b, request } = await world();
    await rankEligible(db, request);
    // A second connection holds a transaction open with its change made (it has the older id) ...
    const other = await openSecondConnection();
    if (!other) return context.skip("PGlite has one connection");
    const changed = signal();
    const mayCommit = signal();
    try {
      const slow = other.begin(async (tx) => {
        await tx`update experts set status = 'suspended' where id = ${a}`;
        changed.resolve();
        await mayCommit.promise;
      });
      await Promise.race([changed.promise, slow]);
      // ... while this one commits a change of its own and ranks.
      await db.update(experts).set({ capacity: 0 }).where(eq(experts.id, b));
      expect(idsOf(await rankEligible(db, request))).toEqual([a]);
      mayCommit.resolve();
      await slow;
      expect(idsOf(await rankEligible(db, request))).toEqual([]);
    } finally {
      mayCommit.resolve();
      await other.end();
    }
  });

  it("keeps two server processes on one database consistent: what one changes, the other ranks by at once (PostgreSQL)", async (context) => {
    const { a, b, request } = await world();
    const connection = await openSecondConnection();
    if (!connection) return context.skip("PGlite has one connection");
    // Two processes: each its own kept profiles and its own connection.
    const first = { profiles: new KeptProfiles(), handle: db as DbOrTx };
    const second = { profiles: new KeptProfiles(), handle: drizzle(connection) as unknown as DbOrTx };
    const offeredBy = async (process: typeof first, r: RoutingRequest) => {
      const now = new Date();
      const { table, settings, ruledOut, own } = await readRoutingSnapshot(process.handle, r, process.profiles);
      return idsOf(table.rank(r, settings, now, todayInShanghai(now), ruledOut, own));
    };
    try {
      expect(await offeredBy(first, request)).toEqual([a, b].sort());
      expect(await offeredBy(second, request)).toEqual([a, b].sort());
      await db.update(experts).set({ status: "suspended" }).where(eq(experts.id, a));
      const suspendedAt = Date.now();
      expect(await offeredBy(second, request)).toEqual([b]);
      expect(Date.now() - suspendedAt).toBeLessThan(1000);
      await second.handle.update(experts).set({ status: "active", capacity: 0 }).where(eq(experts.id, a));
      await second.handle.update(experts).set({ capacity: 0 }).where(eq(experts.id, b));
      expect(await offeredBy(first, request)).toEqual([]);
    } finally {
      await connection.end();
    }
  });
});
