import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import { useTestDatabase } from "@/test/database";
import { MAINTENANCE_INTERVAL_SECONDS, queuePolicies } from "./policy";
import { enqueue, getBoss } from "./queue";
import type { JobName } from "./names";

useTestDatabase();

describe("jobs whose worker died", () => {
  it("every queue carries its policy: expiry, retries and backoff", async () => {
    const rows = rowsOf<{ name: JobName; expire_seconds: number; retry_limit: number; retry_delay: number; retry_backoff: boolean }>(
      await db.execute(sql`select name, expire_seconds, retry_limit, retry_delay, retry_backoff from pgboss.queue`),
    );
    for (const [name, policy] of Object.entries(queuePolicies)) {
      const row = rows.find((r) => r.name === name);
      expect(row, name).toEqual({
        name,
        expire_seconds: policy.expireInSeconds,
        retry_limit: policy.retryLimit,
        retry_delay: policy.retryDelay,
        retry_backoff: policy.retryBackoff,
      });
    }
  });

  it("a mail job killed mid-run is handed out again within a minute of its start", async () => {
    const boss = await getBoss();
    await db.transaction((tx) => enqueue(tx, "notification.email", { notificationId: randomUUID() }));
    const [job] = await boss.fetch("notification.email");
    expect(job).toBeDefined();
    // Its worker dies here and never completes it. Rather than wait out the expiry, start it earlier.
    await db.execute(sql`update pgboss.job set started_on = started_on - expire_in - interval '1 second' where id = ${job!.id}`);
    await boss.expire();
    const [after] = rowsOf<{ state: string; expire: number; wait: number }>(
      await db.execute(
        sql`select state, extract(epoch from expire_in)::float8 as expire, extract(epoch from start_after - now())::float8 as wait from pgboss.job where id = ${job!.id}`,
      ),
    );
    expect(after!.state).toBe("retry");
    // Lost for at most its expiry, plus until maintenance next looks, plus the first retry delay.
    expect(after!.expire + MAINTENANCE_INTERVAL_SECONDS + after!.wait).toBeLessThanOrEqual(60);

    await db.execute(sql`update pgboss.job set start_after = now() where id = ${job!.id}`);
    const [again] = await boss.fetch("notification.email");
    expect(again?.id).toBe(job!.id);
  });
});
