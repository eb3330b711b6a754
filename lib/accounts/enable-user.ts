import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { conflict } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { inTransaction } from "@/lib/transaction";
import { lockAccountFor } from "./account-district";
import { lockAccountStates } from "./disable-user";
import type { AccountStateInput } from "./user-schemas";

/**
 * Admins only, for the accounts of their district (others 404). Enables a disabled account: its
 * password signs in again; no session or token of before comes back (sessions_valid_from moves to
 * now, and the tokens were revoked when it was disabled). 409 when it is not disabled. Writes a
 * "user.enabled" event with the optional reason.
 */
export async function enableUser(
  actor: Actor | null,
  userId: string,
  input: Partial<AccountStateInput> = {},
): Promise<{ userId: string; disabled: boolean }> {
  const admin = requirePermission(actor, "user.disable");
  return inTransaction(async (tx) => {
    await lockAccountStates(tx);
    const account = await lockAccountFor(tx, admin, "user.disable", userId);
    if (!account.disabled) throw conflict("accounts.errors.notDisabled");
    await tx
      .update(users)
      .set({ disabledAt: null, sessionsValidFrom: sql`now()` })
      .where(eq(users.id, account.id));
    await recordEvent(tx, admin, { type: "user.enabled", entityType: "user", entityId: account.id, reason: input.reason ?? null });
    return { userId: account.id, disabled: false };
  });
}
