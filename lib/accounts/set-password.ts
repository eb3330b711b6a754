import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { db, type DbOrTx } from "@/db";
import { passwordLinks, users } from "@/db/schema";
import type { PasswordLinkPurpose } from "@/lib/enums";
import { clearAccountPairs } from "@/lib/auth/login-throttle";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { isTokenFor, linkIdOf } from "./link-token";
import type { setPasswordSchema } from "./schemas";

export type LinkState =
  | { status: "valid"; id: string; purpose: PasswordLinkPurpose; email: string; userId: string }
  | { status: "invalid" | "expired" | "used" };

/**
 * Anyone: what a set-password link is worth now, so the page shows the form or says why not. A
 * forged or altered token, an unknown link, a disabled account and an integration account (which
 * never has a password) are all "invalid".
 */
export async function checkPasswordLink(token: string, handle: DbOrTx = db): Promise<LinkState> {
  const id = linkIdOf(token);
  if (!id) return { status: "invalid" };
  const [link] = await handle
    .select({
      id: passwordLinks.id,
      purpose: passwordLinks.purpose,
      userId: passwordLinks.userId,
      isUsed: sql<boolean>`${passwordLinks.usedAt} is not null`,
      isExpired: sql<boolean>`${passwordLinks.expiresAt} <= now()`,
      email: users.email,
      disabledAt: users.disabledAt,
      integration: users.integration,
    })
    .from(passwordLinks)
    .innerJoin(users, eq(users.id, passwordLinks.userId))
    .where(eq(passwordLinks.id, id));
  if (!link || !isTokenFor(token, link) || link.disabledAt || link.integration) return { status: "invalid" };
  if (link.isUsed) return { status: "used" };
  if (link.isExpired) return { status: "expired" };
  return { status: "valid", id: link.id, purpose: link.purpose, email: link.email, userId: link.userId };
}

const unusable = (status: Exclude<LinkState["status"], "valid">) =>
  new AppError(status === "invalid" ? "not_found" : "conflict", `auth.setPassword.${status}`);

/**
 * Anyone holding a valid link sets that account's password (argon2id). The link is spent with one
 * conditional UPDATE (`used_at is null and expires_at > now()`), so two submits of one link set the
 * password once; every other open link of the account is spent with it, sessions signed in before
 * it end (a stolen session does not outlive a reset), and earlier failed sign-ins no longer lock it; the audit trail
 * records it ("account.password-set"). Throws not_found for a wrong link, conflict for a used or expired one.
 */
export async function setPasswordWithLink(input: z.output<typeof setPasswordSchema>): Promise<void> {
  const before = await checkPasswordLink(input.token);
  if (before.status !== "valid") throw unusable(before.status);
  const passwordHash = await hashPassword(input.password);
  const email = await db.transaction(async (tx) => {
    // The account first: two different links of one account used at once then wait in line
    // instead of each holding its own link while waiting for the other's.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, before.userId)).for("update");
    const [spent] = await tx
      .update(passwordLinks)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordLinks.id, before.id), isNull(passwordLinks.usedAt), gt(passwordLinks.expiresAt, sql`now()`)))
      .returning({ id: passwordLinks.id });
    if (!spent) throw unusable((await checkPasswordLink(input.token, tx)).status === "expired" ? "expired" : "used");
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionsValidFrom: sql`now()` })
      .where(and(eq(users.id, before.userId), isNull(users.disabledAt)))
      .returning({ email: users.email });
    if (!user) throw unusable("invalid");
    await tx
      .update(passwordLinks)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordLinks.userId, before.userId), isNull(passwordLinks.usedAt)));
    // Whoever held the link is not signed in: the account is the record, the link's purpose the detail.
    await recordEvent(tx, null, { type: "account.password-set", entityType: "user", entityId: before.userId, data: { purpose: before.purpose } });
    return user.email;
  });
  await clearAccountPairs(email);
}
