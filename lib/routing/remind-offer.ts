import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { experts, offers } from "@/db/schema";
import { currentTime } from "@/lib/clock";
import { notify } from "@/lib/notifications/notify";

/** How long before its deadline the expert is reminded of an unanswered offer. */
export function reminderLead(hours: number): number {
  return Math.min(12, Math.max(1, Math.round(hours / 4))) * 3_600_000;
}

/**
 * Job `routing.remind-offer`: tells the expert their offer's deadline is near, if the offer is still
 * pending and not yet expired; an answered, withdrawn or expired offer is left alone.
 */
export async function remindOffer(offerId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [offer] = await tx
      .select({ requestId: offers.requestId, expiresAt: offers.expiresAt, userId: experts.userId })
      .from(offers)
      .innerJoin(experts, eq(experts.id, offers.expertId))
      .where(and(eq(offers.id, offerId), eq(offers.status, "pending")));
    if (!offer || offer.expiresAt.getTime() <= currentTime().getTime()) return false;
    await notify(tx, {
      userIds: [offer.userId],
      kind: "offer.deadline",
      requestId: offer.requestId,
      data: { offerId, expiresAt: offer.expiresAt.toISOString() },
    });
    return true;
  });
}
