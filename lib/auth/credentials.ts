import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { clearAccountFailures, lockedForMinutes, recordFailure } from "./login-throttle";
import { verifyPassword } from "./password";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an e-mail and password. Returns the user's id and role, or null for a wrong pair
 * (unknown e-mail and wrong password look the same, and take the same time).
 * Throws AppError("rate_limited") with `minutes` while the account or address is locked.
 */
export async function verifyCredentials(rawEmail: string, password: string, address: string): Promise<{ id: string; role: string } | null> {
  const email = normalizeEmail(rawEmail);
  const minutes = await lockedForMinutes(email, address);
  if (minutes > 0) throw new AppError("rate_limited", "auth.signIn.locked", { params: { minutes } });
  const [user] = await db
    .select({ id: users.id, role: users.role, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!ok || !user || user.disabledAt) {
    await recordFailure(email, address);
    return null;
  }
  await clearAccountFailures(email);
  return { id: user.id, role: user.role };
}
