import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { passwordLinks, users } from "@/db/schema";
import { enqueue } from "@/lib/jobs/queue";
import { createPasswordLinks } from "./password-links";
import type { forgotPasswordSchema } from "./schemas";

/** Reset links one account can be sent in an hour: enough to retry, too few to flood a mailbox. */
export const MAX_RESETS_PER_HOUR = 3;

/**
 * Anyone may ask for a reset link for an e-mail, and always gets the same answer (nothing) after the
 * same work (one queued job), so neither the answer nor its timing tells which accounts exist. The
 * job (sendResetLink) does the rest.
 */
export async function requestPasswordReset(input: z.output<typeof forgotPasswordSchema>): Promise<void> {
  await db.transaction((tx) => enqueue(tx, "account.reset-requested", { email: input.email }));
}

/**
 * Job: a link valid for an hour for an existing, enabled person's account (an integration account
 * never has a password), at most three an hour (further
 * requests are dropped without a word). The account's row is locked while counting, so requests at
 * the same moment cannot pass the limit.
 */
export async function sendResetLink({ email }: { email: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.disabledAt), eq(users.integration, false)))
      .for("update");
    if (!user) return;
    const [recent] = await tx
      .select({ n: count() })
      .from(passwordLinks)
      .where(and(eq(passwordLinks.userId, user.id), eq(passwordLinks.purpose, "reset"), gt(passwordLinks.createdAt, sql`now() - interval '1 hour'`)));
    if ((recent?.n ?? 0) >= MAX_RESETS_PER_HOUR) return;
    await createPasswordLinks(tx, { userIds: [user.id], purpose: "reset", createdByUserId: null });
  });
}
