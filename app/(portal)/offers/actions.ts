"use server";

import { z } from "zod";
import { action } from "@/lib/http/server-action";
import { acceptOffer } from "@/lib/routing/accept-offer";
import { declineOffer } from "@/lib/routing/decline-offer";
import { declineOfferSchema } from "@/lib/routing/schemas";

const offerId = z.object({ offerId: z.uuid("errors.notFound") });

export const acceptOfferAction = action({ permission: "offer.answer", input: offerId }, ({ actor, input }) => acceptOffer(actor, input.offerId));

export const declineOfferAction = action(
  { permission: "offer.answer", input: z.intersection(offerId, declineOfferSchema) },
  async ({ actor, input }) => {
    const result = await declineOffer(actor, input.offerId, { reason: input.reason, note: input.note });
    return { requestId: result.requestId, status: result.status };
  },
);
