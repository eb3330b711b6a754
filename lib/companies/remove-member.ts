import { and, eq, isNull, sql } from "drizzle-orm";
import { enterprises, passwordLinks, users } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { inTransaction } from "@/lib/transaction";
import { uuidParam } from "@/lib/validation";
import { requireMember } from "./member-access";

/**
 * A member of the company removes a colleague, or themself (leaving). Others get 404, as does a
 * user who is not a member. The last member stays (409): two removals at once wait for each other
 * on the company's row. The removed account leaves the company and is disabled, so it sees
 * nothing of the company on its next call (its sessions and tokens stop; open invitation links
 * are spent). Writes the event in the same transaction.
 */
export async function removeMember(actor: Actor | null, enterpriseId: string, userId: string): Promise<void> {
  const remover = requireMember(actor, enterpriseId);
  if (!uuidParam.safeParse(userId).success) throw notFound();
  await inTransaction(async (tx) => {
    await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, enterpriseId)).for("update");
    const members = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(eq(users.enterpriseId, enterpriseId), isNull(users.disabledAt)));
    const removed = members.find((m) => m.id === userId);
    if (!members.some((m) => m.id === remover.userId) || !removed) throw notFound();
    if (members.length <= 1) throw conflict("companies.errors.lastMember");
    await tx
      .update(users)
      .set({ enterpriseId: null, disabledAt: sql`now()`, sessionsValidFrom: sql`now()` })
      .where(and(eq(users.id, userId), eq(users.enterpriseId, enterpriseId)));
    await tx
      .update(passwordLinks)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordLinks.userId, userId), isNull(passwordLinks.usedAt)));
    await recordEvent(tx, remover, {
      type: "enterprise.member_removed",
      entityType: "enterprise",
      entityId: enterpriseId,
      data: { userId, email: removed.email, self: userId === remover.userId },
    });
  });
}
