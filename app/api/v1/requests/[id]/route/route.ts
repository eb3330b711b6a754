// POST /api/v1/requests/:id/route - admin: {} offers to the best candidate (or the best few at once when urgent), { expertId } to that expert
import { notFound } from "@/lib/errors";
import { apiRoute, created } from "@/lib/http/api-route";
import type { OfferMade } from "@/lib/routing/create-offer";
import { routeRequest } from "@/lib/routing/route-request";
import { routeRequestSchema } from "@/lib/routing/schemas";
import { uuidParam } from "@/lib/validation";
import { routeResponse } from "@/lib/routing/responses";

export const POST = apiRoute(
  { permission: "routing.route", body: routeRequestSchema, response: routeResponse, status: 201 },
  async ({ actor, params, body }) => {
    const id = uuidParam.safeParse(params.id);
    if (!id.success) throw notFound();
    const offer = await routeRequest(actor, id.data, body);
    const wire = (o: OfferMade) => ({ offerId: o.offerId, expertId: o.expertId, expiresAt: o.expiresAt.toISOString() });
    return created({ ...wire(offer), offers: offer.offers.map(wire) });
  },
);
