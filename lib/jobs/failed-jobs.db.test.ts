import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import { useTestDatabase } from "@/test/database";
import { countFailedJobs } from "./failed-jobs";
import { enqueue, getBoss } from "./queue";

useTestDatabase();

describe("the count of failed jobs", () => {
  it("counts jobs out of retries by queue, archived ones too, and not those still retrying", async () => {
    expect(await countFailedJobs()).toEqual({ total: 0, byQueue: {} });
    const boss = await getBoss();
    await boss.send("system.noop", { note: "gives up" }, { retryLimit: 0 });
    await boss.send("system.noop", { note: "archived" }, { retryLimit: 0 });
    await db.transaction((tx) => enqueue(tx, "system.noop", { note: "retrying" }));
    for (const job of await boss.fetch("system.noop", { batchSize: 3 })) await boss.fail("system.noop", job.id, { message: "broken" });

    // pg-boss moves failed jobs to its archive after half a day.
    await db.execute(sql`update pgboss.job set completed_on = now() - interval '13 hours' where data->>'note' = 'archived'`);
    await boss.maintain();
    const archived = await db.execute(sql`select 1 from pgboss.archive where data->>'note' = 'archived'`);
    expect(rowsOf(archived)).toHaveLength(1);
    expect(await countFailedJobs()).toEqual({ total: 2, byQueue: { "system.noop": 2 } });
  });
});
