import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { db, rowsOf, type Tx } from "@/db";
import { loginThrottle, users } from "@/db/schema";
import { recordEvent } from "@/lib/events/record-event";
import { AppError } from "@/lib/errors";

export const THROTTLE_WINDOW_MINUTES = 15;
/** Failed sign-ins one address may make for one account in the window; the next is refused. */
export const MAX_ATTEMPTS_PER_PAIR = 5;
/** Attempts in the window after which an account as a whole, or an address, is slowed (never locked). */
export const SLOW_AFTER_PER_ACCOUNT = 10;
export const SLOW_AFTER_PER_ADDRESS = 20;
/** The slowdown grows by this much per attempt past the threshold, up to MAX_DELAY_MS. */
export const DELAY_STEP_MS = 250;
export const MAX_DELAY_MS = 5000;

const WINDOW = `${THROTTLE_WINDOW_MINUTES} minutes`;

// An account's e-mail never holds a space (lib/validation), so "pair:<email> " prefixes only its pairs.
export const pairKey = (email: string, address: string) => `pair:${email} ${address}`;
const accountKey = (email: string) => `account:${email}`;
const addressKey = (address: string) => `address:${address}`;

/** How long to hold an attempt back, from the account's and the address's counts in the window. */
export function slowdownMs(accountAttempts: number, addressAttempts: number): number {
  const excess = Math.max(accountAttempts - SLOW_AFTER_PER_ACCOUNT, addressAttempts - SLOW_AFTER_PER_ADDRESS, 0);
  return Math.min(excess * DELAY_STEP_MS, MAX_DELAY_MS);
}

export type Admission = { locked: true; minutes: number } | { locked: false; delayMs: number };

/**
 * Counts a sign-in attempt before its password is checked, for the account-and-address pair, the
 * account and the address, in one statement. Each key's row is bumped under its row lock, so of any
 * number of attempts at once exactly MAX_ATTEMPTS_PER_PAIR see a count that lets them through; the
 * next one locks the pair for the window. Only the pair locks, so nobody can lock an account out
 * from another address; the account and the address are slowed instead. The attempt that locks a
 * pair puts the lock on the audit trail in the same transaction (recordLockout).
 */
export async function admitAttempt(email: string, address: string): Promise<Admission> {
  const [pair, account, origin] = [pairKey(email, address), accountKey(email), addressKey(address)];
  const rows = await db.transaction(async (tx) => {
    const counted = rowsOf<{ key: string; attempts: number; lockedUntil: string | Date | null; now: string | Date; lockedNow: boolean }>(
      await tx.execute(sql`
        insert into login_throttle as t (key, attempts, window_started_at)
        values (${pair}, 1, now()), (${account}, 1, now()), (${origin}, 1, now())
        on conflict (key) do update set
          attempts = case when t.locked_until > now() or t.window_started_at > now() - ${WINDOW}::interval then t.attempts + 1 else 1 end,
          window_started_at = case when t.locked_until > now() or t.window_started_at > now() - ${WINDOW}::interval then t.window_started_at else now() end,
          locked_until = case
            when t.locked_until > now() then t.locked_until
            when t.key like 'pair:%' and t.window_started_at > now() - ${WINDOW}::interval and t.attempts >= ${MAX_ATTEMPTS_PER_PAIR}
              then now() + ${WINDOW}::interval
          end
        returning key, attempts, locked_until as "lockedUntil", now() as now,
          -- set by this statement: an earlier lock was set at the now() of an earlier transaction
          coalesce(locked_until = now() + ${WINDOW}::interval, false) as "lockedNow"`),
    );
    if (counted.some((row) => row.key === pair && row.lockedNow)) await recordLockout(tx, email, address);
    return counted;
  });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const pairRow = byKey.get(pair);
  if (pairRow?.lockedUntil) {
    const left = new Date(pairRow.lockedUntil).getTime() - new Date(pairRow.now).getTime();
    return { locked: true, minutes: Math.min(THROTTLE_WINDOW_MINUTES, Math.max(1, Math.ceil(left / 60_000))) };
  }
  return { locked: false, delayMs: slowdownMs(byKey.get(account)?.attempts ?? 0, byKey.get(origin)?.attempts ?? 0) };
}

/**
 * Puts the lock of an account-and-address pair on the audit trail ("auth.lockedOut", actor: the
 * system), in the transaction that set it: the account when it exists (its district's admins see
 * it), the address and how long. Never what was typed: no password, and for an e-mail with no
 * account not even the e-mail (people type passwords into the e-mail field).
 */
async function recordLockout(tx: Tx, email: string, address: string): Promise<void> {
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  await recordEvent(tx, null, {
    type: "auth.lockedOut",
    entityType: user ? "user" : "sign_in",
    entityId: user ? user.id : "unknown-account",
    data: { address, minutes: THROTTLE_WINDOW_MINUTES },
  });
}

/** Registrations one address may make in the window. */
export const MAX_REGISTRATIONS_PER_ADDRESS = 10;

/**
 * Counts a registration from an address before any of its work (like a sign-in attempt, in one
 * atomic upsert); throws rate_limited with the minutes left once the address has made
 * MAX_REGISTRATIONS_PER_ADDRESS in the window.
 */
export async function admitRegistration(address: string): Promise<void> {
  const [row] = rowsOf<{ attempts: number; windowStartedAt: string | Date; now: string | Date }>(
    await db.execute(sql`
      insert into login_throttle as t (key, attempts, window_started_at) values (${`register:${address}`}, 1, now())
      on conflict (key) do update set
        attempts = case when t.window_started_at > now() - ${WINDOW}::interval then t.attempts + 1 else 1 end,
        window_started_at = case when t.window_started_at > now() - ${WINDOW}::interval then t.window_started_at else now() end
      returning attempts, window_started_at as "windowStartedAt", now() as now`),
  );
  if (row && row.attempts > MAX_REGISTRATIONS_PER_ADDRESS) {
    const left = new Date(row.windowStartedAt).getTime() + THROTTLE_WINDOW_MINUTES * 60_000 - new Date(row.now).getTime();
    throw new AppError("rate_limited", "errors.rateLimitedMinutes", { params: { minutes: Math.max(1, Math.ceil(left / 60_000)) } });
  }
}

/**
 * A successful sign-in clears its pair's count and takes itself back from the account's and the
 * address's, so only failures slow them (an office signing many people in is not slowed).
 */
export async function recordSuccess(email: string, address: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, pairKey(email, address)));
  await db
    .update(loginThrottle)
    .set({ attempts: sql`greatest(${loginThrottle.attempts} - 1, 0)` })
    .where(inArray(loginThrottle.key, [accountKey(email), addressKey(address)]));
}

/** A new password clears every pair of the account: whoever holds it may sign in again at once. */
export async function clearAccountPairs(email: string): Promise<void> {
  await db.delete(loginThrottle).where(sql`starts_with(${loginThrottle.key}, ${pairKey(email, "")})`);
}

/** Drops rows whose window and lock are over; for scheduled housekeeping. */
export async function pruneLoginThrottle(): Promise<void> {
  await db
    .delete(loginThrottle)
    .where(
      and(
        lt(loginThrottle.windowStartedAt, sql`now() - ${WINDOW}::interval`),
        or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, sql`now()`)),
      ),
    );
}
