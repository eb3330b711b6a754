import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { passwordLinks } from "@/db/schema";
import type { PasswordLinkPurpose } from "@/lib/enums";
import { enqueue } from "@/lib/jobs/queue";

/**
 * An account created without a password (imported experts, an admin made from the command line):
 * this is not an argon2 hash, so no password matches it until one is set through a link.
 */
export const NO_PASSWORD_YET = "!imported-no-password";

/** How long a link works: an invitation waits a week for the expert, a reset an hour. */
export const LINK_LIFETIME: Record<PasswordLinkPurpose, string> = { invite: "7 days", reset: "1 hour" };

/**
 * Creates a set-password link for each user and queues its e-mail, inside the caller's transaction:
 * the link and the mail exist exactly when the change does. The job carries only the link's id (the
 * token is recomputed when the mail is written). Expiry is counted on the database's clock, which
 * also decides when the link is used.
 */
export async function createPasswordLinks(tx: DbOrTx, input: PasswordLinkInput): Promise<string[]> {
  const ids = await insertPasswordLinks(tx, input);
  for (const linkId of ids) await enqueue(tx, "account.password-link", { linkId });
  return ids;
}

interface PasswordLinkInput {
  userIds: string[];
  purpose: PasswordLinkPurpose;
  createdByUserId: string | null;
}

/** Creates the links only, for a caller that hands the link over itself (the first-admin command). */
export async function insertPasswordLinks(tx: DbOrTx, input: PasswordLinkInput): Promise<string[]> {
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
  return rows.map((row) => row.id);
}
