import { eq } from "drizzle-orm";
import { db } from "@/db";
import { experts, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { lockExpertInDistrict } from "@/lib/roster/district";
import { createPasswordLinks } from "./password-links";

/**
 * Admins of the expert's district. E-mails an expert a new invitation link (valid 7 days) to set
 * their password, and notes it on the expert's audit trail. Earlier links stay valid until one of
 * them is used. 404 for an unknown expert, 403 for another district's, 409 when the account is disabled.
 */
export async function sendInvitation(actor: Actor | null, expertId: string): Promise<{ email: string }> {
  const admin = requirePermission(actor, "expert.invite");
  return db.transaction(async (tx) => {
    await lockExpertInDistrict(tx, admin, "expert.invite", expertId);
    const [expert] = await tx
      .select({ userId: users.id, email: users.email, disabledAt: users.disabledAt })
      .from(experts)
      .innerJoin(users, eq(users.id, experts.userId))
      .where(eq(experts.id, expertId));
    if (!expert) throw notFound();
    if (expert.disabledAt) throw conflict("auth.invite.disabled");
    await createPasswordLinks(tx, { userIds: [expert.userId], purpose: "invite", createdByUserId: admin.userId });
    await recordEvent(tx, admin, { type: "expert.invited", entityType: "expert", entityId: expertId });
    return { email: expert.email };
  });
}
