import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import { loginThrottle } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { jobSchedules } from "./policy";
import { drainJobs, enqueue } from "./queue";

useTestDatabase();

const queued = async () =>
  rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from pgboss.job where name = 'system.noop' and state = 'created'`))[0]?.n ?? 0;

describe("the job queue", () => {
  it("enqueues inside a transaction: committed jobs exist, rolled-back ones do not", async () => {
    await db.transaction(async (tx) => enqueue(tx, "system.noop", { note: "kept" }));
    await db
      .transaction(async (tx) => {
        await enqueue(tx, "system.noop", { note: "dropped" });
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await queued()).toBe(1);
    expect(await drainJobs("system.noop")).toEqual({ ran: 1, failed: 0 });
    expect(await queued()).toBe(0);
  });

  it("prunes the sign-in throttle on a schedule: rows whose window and lock are over go, the others stay", async () => {
    expect(jobSchedules["auth.prune-login-throttle"]).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    const hourAgo = new Date(Date.now() - 3_600_000);
    await db.insert(loginThrottle).values([
      { key: "prune:over", attempts: 3, windowStartedAt: hourAgo },
      { key: "prune:locked", attempts: 5, windowStartedAt: hourAgo, lockedUntil: new Date(Date.now() + 3_600_000) },
      { key: "prune:current", attempts: 1, windowStartedAt: new Date() },
    ]);
    await enqueue(db, "auth.prune-login-throttle", {});
    expect(await drainJobs("auth.prune-login-throttle")).toEqual({ ran: 1, failed: 0 });
    const left = await db.select({ key: loginThrottle.key }).from(loginThrottle);
    expect(
      left
        .map((r) => r.key)
        .filter((k) => k.startsWith("prune:"))
        .sort(),
    ).toEqual(["prune:current", "prune:locked"]);
  });
});
