import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import { useTestDatabase } from "@/test/database";
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
});
