import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { offers } from "@/db/schema";
import type { OfferStatus } from "@/lib/enums";
import { AppError, notFound } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/keys";

const answeredKeys: Record<OfferStatus, MessageKey> = {
  pending: "routing.errors.offerExpired",
  accepted: "routing.errors.offerAccepted",
  declined: "routing.errors.offerDeclined",
  expired: "routing.errors.offerExpired",
  withdrawn: "routing.errors.offerWithdrawn",
};

/**
 * After a conditional update changed nothing: 404 when the offer is not the expert's (or does not
 * exist), else 409 saying what happened to it (a pending one has passed its deadline).
 */
export async function offerNotAnswerable(tx: Tx, offerId: string, expertId: string): Promise<AppError> {
  const [offer] = await tx
    .select({ status: offers.status })
    .from(offers)
    .where(and(eq(offers.id, offerId), eq(offers.expertId, expertId)));
  if (!offer) return notFound();
  return new AppError("conflict", answeredKeys[offer.status]);
}
