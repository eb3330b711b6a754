import { and, count, eq, gt, inArray, lt, min } from "drizzle-orm";
import { db } from "@/db";
import { loginFailures } from "@/db/schema";

export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const accountKey = (email: string) => `account:${email}`;
const addressKey = (address: string) => `address:${address}`;

/** Minutes until this account or address may try again, or 0 when it may try now. */
export async function lockedForMinutes(email: string, address: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const rows = await db
    .select({ key: loginFailures.key, failures: count(), oldest: min(loginFailures.failedAt) })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, [accountKey(email), addressKey(address)]), gt(loginFailures.failedAt, since)))
    .groupBy(loginFailures.key);
  let minutes = 0;
  for (const row of rows) {
    const limit = row.key.startsWith("account:") ? MAX_FAILURES_PER_ACCOUNT : MAX_FAILURES_PER_ADDRESS;
    if (row.failures >= limit && row.oldest) {
      const unlockAt = new Date(row.oldest).getTime() + THROTTLE_WINDOW_MINUTES * 60_000;
      minutes = Math.max(minutes, Math.ceil((unlockAt - now.getTime()) / 60_000));
    }
  }
  return minutes;
}

export async function recordFailure(email: string, address: string): Promise<void> {
  await db.insert(loginFailures).values([{ key: accountKey(email) }, { key: addressKey(address) }]);
}

/** A successful sign-in clears the account's failures (the address keeps its count). */
export async function clearAccountFailures(email: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, accountKey(email)));
}

/** Drops rows older than the window; called by scheduled housekeeping. */
export async function pruneLoginFailures(now = new Date()): Promise<void> {
  const before = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  await db.delete(loginFailures).where(lt(loginFailures.failedAt, before));
}
