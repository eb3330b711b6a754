// POST /api/v1/offers/:id/decline - the offered expert only: { reason, note? }; the next candidate is offered automatically
import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { declineOffer } from "@/lib/routing/decline-offer";
import { declineOfferSchema } from "@/lib/routing/schemas";
import { uuidParam } from "@/lib/validation";
import { offerAnswerResponse } from "@/lib/routing/responses";

export const POST = apiRoute(
  { permission: "offer.answer", body: declineOfferSchema, response: offerAnswerResponse },
  async ({ actor, params, body }) => {
    const id = uuidParam.safeParse(params.id);
    if (!id.success) throw notFound();
    const result = await declineOffer(actor, id.data, body);
    return { requestId: result.requestId, status: result.status };
  },
);
