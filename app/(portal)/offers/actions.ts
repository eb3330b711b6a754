"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/http/server-action";
import { acceptOffer } from "@/lib/routing/accept-offer";
import { declineOffer } from "@/lib/routing/decline-offer";
import { declineOfferSchema } from "@/lib/routing/schemas";

const offerId = z.object({ offerId: z.uuid("errors.notFound") });

export const acceptOfferAction = action({ permission: "offer.answer", input: offerId }, async ({ actor, input }) => {
  const result = await acceptOffer(actor, input.offerId);
  revalidatePath("/offers");
  return result;
});

export const declineOfferAction = action(
  { permission: "offer.answer", input: z.intersection(offerId, declineOfferSchema) },
  async ({ actor, input }) => {
    const result = await declineOffer(actor, input.offerId, { reason: input.reason, note: input.note });
    revalidatePath("/offers");
    return { requestId: result.requestId, status: result.status };
  },
);
