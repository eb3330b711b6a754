import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { verifyCredentials } from "@/lib/auth/credentials";
import { clearAccountPairs } from "@/lib/auth/login-throttle";
import { hashPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/sessions";
import { invalidField } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import type { changePasswordSchema } from "./schemas";

/**
 * Any signed-in account changes its own password, proving it with the current one (checked and
 * throttled like a sign-in from `address`; wrong -> 422 on currentPassword, too many -> 429).
 * Every session of the account ends; with `keepSession` the caller gets a new one in the same
 * transaction, whose id is returned for its re-issued cookie. Writes an "account.password-changed" event.
 */
export async function changePassword(
  actor: Actor | null,
  input: z.output<typeof changePasswordSchema>,
  context: { address: string; keepSession: boolean },
): Promise<{ sessionId: string | null }> {
  const me = requirePermission(actor, "me.changePassword");
  const checked = await verifyCredentials(me.email, input.currentPassword, context.address);
  if (checked?.id !== me.userId) throw invalidField("currentPassword", "errors.field.currentPasswordWrong");
  const passwordHash = await hashPassword(input.newPassword);
  const result = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionsValidFrom: sql`now()` })
      .where(eq(users.id, me.userId));
    // Begun in this transaction, at the same now() as sessions_valid_from, so it counts.
    const sessionId = context.keepSession ? await startSession(me.userId, tx) : null;
    await recordEvent(tx, me, { type: "account.password-changed", entityType: "user", entityId: me.userId });
    return { sessionId };
  });
  await clearAccountPairs(me.email);
  return result;
}
