// GET /api/v1/requests/:id/offers - admin (own district, else 404): every offer of the request, oldest first, with its status and times
import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { listRequestOffers } from "@/lib/routing/queries";
import { requestOffersResponse } from "@/lib/routing/responses";
import { uuidParam } from "@/lib/validation";

export const GET = apiRoute({ permission: "routing.candidates", response: requestOffersResponse }, async ({ actor, params }) => {
  const id = uuidParam.safeParse(params.id);
  if (!id.success) throw notFound();
  const rows = await listRequestOffers(actor, id.data);
  return {
    items: rows.map(({ answeredAt, offeredAt, expiresAt, ...o }) => ({
      ...o,
      offeredAt: offeredAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
      ...(answeredAt ? { answeredAt: answeredAt.toISOString() } : {}),
    })),
  };
});
