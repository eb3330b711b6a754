import { and, count, eq, isNull, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { apiTokens, authSessions, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { conflict } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { inTransaction } from "@/lib/transaction";
import { lockAccountFor, type ManagedAccount } from "./account-district";
import type { AccountStateInput } from "./user-schemas";

/**
 * Every disable and enable waits for the one before it to commit, and counts the unscoped admins
 * only then: two admins disabling each other at the same moment cannot each see the other still enabled.
 */
export async function lockAccountStates(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('users'), hashtext('disabled_at'))`);
}

/** A person administering the whole zone (an integration account cannot sign in, so it administers nothing). */
const isZoneAdmin = (account: Pick<ManagedAccount, "role" | "regionScope" | "integration">) =>
  account.role === "admin" && account.regionScope === null && !account.integration;

async function otherZoneAdmins(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.regionScope), eq(users.integration, false), isNull(users.disabledAt), ne(users.id, userId)));
  return row?.n ?? 0;
}

/**
 * Admins only, for the accounts of their district (others 404, see accountRegion). Disables an
 * account: every session of it ends and every token acting as it is revoked, so its next call is
 * 401; the revoked tokens stay revoked after an enable (a partner gets a new token on purpose).
 * Tokens it issued for integration accounts act as those accounts and keep working; any admin of
 * their district may revoke them. 409 for one's own account, an account already disabled, and
 * the last enabled unscoped admin. Writes a "user.disabled" event with the optional reason.
 */
export async function disableUser(
  actor: Actor | null,
  userId: string,
  input: Partial<AccountStateInput> = {},
): Promise<{ userId: string; disabled: boolean }> {
  const admin = requirePermission(actor, "user.disable");
  return inTransaction(async (tx) => {
    await lockAccountStates(tx);
    const account = await lockAccountFor(tx, admin, "user.disable", userId);
    if (account.id === admin.userId) throw conflict("accounts.errors.ownAccount");
    if (account.disabled) throw conflict("accounts.errors.alreadyDisabled");
    if (isZoneAdmin(account) && (await otherZoneAdmins(tx, account.id)) === 0) throw conflict("accounts.errors.lastAdmin");
    await tx
      .update(users)
      .set({ disabledAt: sql`now()` })
      .where(eq(users.id, account.id));
    const sessions = await tx
      .update(authSessions)
      .set({ endedAt: sql`now()` })
      .where(and(eq(authSessions.userId, account.id), isNull(authSessions.endedAt)))
      .returning({ id: authSessions.id });
    const tokens = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.userId, account.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    await recordEvent(tx, admin, {
      type: "user.disabled",
      entityType: "user",
      entityId: account.id,
      reason: input.reason ?? null,
      data: { sessionsEnded: sessions.length, tokensRevoked: tokens.map((t) => t.id) },
    });
    return { userId: account.id, disabled: true };
  });
}
