import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { createPasswordLinks, NO_PASSWORD_YET } from "@/lib/accounts/password-links";
import { AppError, isUniqueViolation, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import type { Locale } from "@/lib/i18n/catalog";
import { requireMember } from "./member-access";
import type { InviteMemberInput } from "./schemas";

/**
 * A member of the company invites a colleague: an account of the company without a password, and
 * an invitation mail with a set-password link (valid 7 days). Others get 404; a taken e-mail 409 on
 * the field. Writes the account, the link, its mail job and the event in one transaction.
 */
export async function inviteMember(actor: Actor | null, enterpriseId: string, input: InviteMemberInput, options: { locale: Locale }) {
  const inviter = requireMember(actor, enterpriseId);
  try {
    return await db.transaction(async (tx) => {
      // Still a member as this commits: a removal waits for this row, or this waits for the removal.
      const [still] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, inviter.userId), eq(users.enterpriseId, enterpriseId), isNull(users.disabledAt)))
        .for("share");
      if (!still) throw notFound();
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, role: "enterprise", enterpriseId, passwordHash: NO_PASSWORD_YET, locale: options.locale })
        .returning({ id: users.id });
      await createPasswordLinks(tx, { userIds: [user!.id], purpose: "invite", createdByUserId: inviter.userId });
      await recordEvent(tx, inviter, {
        type: "enterprise.member_invited",
        entityType: "enterprise",
        entityId: enterpriseId,
        data: { userId: user!.id, email: input.email },
      });
      return { userId: user!.id, email: input.email, name: input.name, status: "invited" as const };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) {
      throw new AppError("conflict", "errors.invalidInput", { fields: { email: "errors.field.emailTaken" } });
    }
    throw error;
  }
}
