import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { watchArraysOf } from "@/test/driver-queues";
import { useTestDatabase } from "@/test/database";

const database = useTestDatabase();

/** Runs `total` queries through the pool, `inFlight` at a time. */
async function runQueries(total: number, inFlight: number) {
  let started = 0;
  const worker = async () => {
    while (started++ < total) await db.execute(sql`select 1`);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

describe("the PostgreSQL driver's connection queues", () => {
  it("stay small through many queries, with every connection busy and then with some to spare", async (context) => {
    if (database.current().kind !== "postgres") return context.skip("PGlite runs in the process: no connection pool");
    // The test pool has 20 connections: 60 queries in flight keep all of them busy, 5 then leave most idle.
    // A queue's array holds at most about twice what the queue held at once (3.4.9's grew by every query).
    const watch = watchArraysOf();
    try {
      await runQueries(6000, 60);
      expect(watch.largest()).toBeLessThanOrEqual(100);
      watch.reset();
      await runQueries(6000, 5);
      expect(watch.largest()).toBeLessThanOrEqual(100);
    } finally {
      watch.stop();
    }
  });
});
