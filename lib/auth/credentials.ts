import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { admitAttempt, recordSuccess } from "./login-throttle";
import { verifyPassword } from "./password";

/**
 * Password checks one address may have running or queued at once in this process: a flood from
 * one place takes two slots of the hash queue, not all of it, and the rest of it is answered busy.
 */
export const MAX_CHECKS_IN_FLIGHT_PER_ADDRESS = 2;
const checksInFlight = new Map<string, number>();

async function withAddressSlot<T>(address: string, work: () => Promise<T>): Promise<T> {
  const running = checksInFlight.get(address) ?? 0;
  if (running >= MAX_CHECKS_IN_FLIGHT_PER_ADDRESS) throw new AppError("rate_limited", "auth.busy");
  checksInFlight.set(address, running + 1);
  try {
    return await work();
  } finally {
    const left = (checksInFlight.get(address) ?? 1) - 1;
    if (left > 0) checksInFlight.set(address, left);
    else checksInFlight.delete(address);
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an e-mail and password from a client address. Returns the user's id and role, or null
 * for a wrong pair (unknown e-mail and wrong password look the same, and take the same time).
 * The attempt is counted before the password is checked (lib/auth/login-throttle.ts): throws
 * AppError("rate_limited", "auth.signIn.locked") with `minutes` while this account-and-address
 * pair is locked, and holds the check back while the account or the address is being slowed.
 * Throws rate_limited ("auth.busy") when too many password checks are already queued, in all or
 * from this address.
 */
export async function verifyCredentials(rawEmail: string, password: string, address: string): Promise<{ id: string; role: string } | null> {
  const email = normalizeEmail(rawEmail);
  const admission = await admitAttempt(email, address);
  if (admission.locked) throw new AppError("rate_limited", "auth.signIn.locked", { params: { minutes: admission.minutes } });
  if (admission.delayMs > 0) await sleep(admission.delayMs);
  const { user, ok } = await withAddressSlot(address, async () => {
    const [row] = await db
      .select({ id: users.id, role: users.role, passwordHash: users.passwordHash, disabledAt: users.disabledAt, integration: users.integration })
      .from(users)
      .where(eq(users.email, email))
      .limit(1);
    return { user: row, ok: await verifyPassword(row?.passwordHash ?? null, password) };
  });
  // An integration account has no password (NO_PASSWORD_YET matches none); refused here too, whatever its hash.
  if (!ok || !user || user.disabledAt || user.integration) return null;
  await recordSuccess(email, address);
  return { id: user.id, role: user.role };
}
