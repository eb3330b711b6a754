import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { passwordLinks } from "@/db/schema";
import type { PasswordLinkPurpose } from "@/db/schema/enums";
import { enqueue } from "@/lib/jobs/queue";

/** How long a link works: an invitation waits a week for the expert, a reset an hour. */
export const LINK_LIFETIME: Record<PasswordLinkPurpose, string> = { invite: "7 days", reset: "1 hour" };

/**
 * Creates a set-password link for each user and queues its e-mail, inside the caller's transaction:
 * the link and the mail exist exactly when the change does. The job carries only the link's id (the
 * token is recomputed when the mail is written). Expiry is counted on the database's clock, which
 * also decides when the link is used.
 */
export async function createPasswordLinks(
  tx: DbOrTx,
  input: { userIds: string[]; purpose: PasswordLinkPurpose; createdByUserId: string | null },
): Promise<string[]> {
  if (!input.userIds.length) return [];
  const rows = await tx
    .insert(passwordLinks)
    .values(
      input.userIds.map((userId) => ({
        userId,
        purpose: input.purpose,
        expiresAt: sql`now() + ${LINK_LIFETIME[input.purpose]}::interval`,
        createdByUserId: input.createdByUserId,
      })),
    )
    .returning({ id: passwordLinks.id });
  for (const row of rows) await enqueue(tx, "account.password-link", { linkId: row.id });
  return rows.map((row) => row.id);
}
