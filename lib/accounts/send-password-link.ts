import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { enterprises, passwordLinks, users } from "@/db/schema";
import { siteUrl } from "@/lib/env";
import { deliverMail } from "@/lib/notifications/send-email";
import { linkToken } from "./link-token";
import { composePasswordLinkEmail } from "./password-link-email";

/** Whoever created the link (an admin, or a colleague in the company). */
const inviter = alias(users, "inviter");

/**
 * Job: e-mails one set-password link to its account, in the account's language, as plain text.
 * The token is recomputed from the row (it is stored nowhere). A link already used or expired, or
 * an account disabled since, gets no mail; a mail server refusal throws, so the queue retries.
 * An invitation a company member sent says which colleague invited them to which company.
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
      inviterName: inviter.name,
      inviterRole: inviter.role,
      company: enterprises.name,
    })
    .from(passwordLinks)
    .innerJoin(users, eq(users.id, passwordLinks.userId))
    .leftJoin(inviter, eq(inviter.id, passwordLinks.createdByUserId))
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .where(eq(passwordLinks.id, linkId));
  if (!row?.isOpen || row.disabledAt) return;
  const url = `${siteUrl()}/set-password?token=${linkToken(row)}`;
  const byColleague = row.purpose === "invite" && row.inviterRole === "enterprise" && row.inviterName && row.company;
  const content = composePasswordLinkEmail({
    purpose: row.purpose,
    recipientName: row.name,
    email: row.email,
    locale: row.locale,
    url,
    colleague: byColleague ? { inviter: row.inviterName!, company: row.company! } : undefined,
  });
  await deliverMail({ to: row.email, ...content });
}
