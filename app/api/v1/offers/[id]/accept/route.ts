// POST /api/v1/offers/:id/accept - the offered expert only; 409 when answered, expired or withdrawn
import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { acceptOffer } from "@/lib/routing/accept-offer";
import { uuidParam } from "@/lib/validation";
import { offerAnswerResponse } from "@/lib/routing/responses";

export const POST = apiRoute({ permission: "offer.answer", response: offerAnswerResponse }, async ({ actor, params }) => {
  const id = uuidParam.safeParse(params.id);
  if (!id.success) throw notFound();
  return acceptOffer(actor, id.data);
});
