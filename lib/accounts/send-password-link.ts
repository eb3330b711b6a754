import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { passwordLinks, users } from "@/db/schema";
import { siteUrl } from "@/lib/env";
import { deliverMail } from "@/lib/notifications/send-email";
import { linkToken } from "./link-token";
import { composePasswordLinkEmail } from "./password-link-email";

/**
 * Job: e-mails one set-password link to its account, in the account's language, as plain text.
 * The token is recomputed from the row (it is stored nowhere). A link already used or expired, or
 * an account disabled since, gets no mail; a mail server refusal throws, so the queue retries.
 */
export async function sendPasswordLinkEmail({ linkId }: { linkId: string }): Promise<void> {
  const [row] = await db
    .select({
      id: passwordLinks.id,
      purpose: passwordLinks.purpose,
      userId: passwordLinks.userId,
      isOpen: sql<boolean>`${passwordLinks.usedAt} is null and ${passwordLinks.expiresAt} > now()`,
      email: users.email,
      name: users.name,
      locale: users.locale,
      disabledAt: users.disabledAt,
    })
    .from(passwordLinks)
    .innerJoin(users, eq(users.id, passwordLinks.userId))
    .where(eq(passwordLinks.id, linkId));
  if (!row?.isOpen || row.disabledAt) return;
  const url = `${siteUrl()}/set-password?token=${linkToken(row)}`;
  const content = composePasswordLinkEmail({ purpose: row.purpose, recipientName: row.name, email: row.email, locale: row.locale, url });
  await deliverMail({ to: row.email, ...content });
}
