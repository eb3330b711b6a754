// GET /api/v1/offers - expert: the expert's own offers, filters status and q (title or case number), paginated
import { apiRoute } from "@/lib/http/api-route";
import { listOffersForExpert } from "@/lib/routing/queries";
import { offerListQuery } from "@/lib/routing/schemas";
import { offerListResponse } from "@/lib/routing/responses";

export const GET = apiRoute({ permission: "offer.list", query: offerListQuery, response: offerListResponse }, async ({ actor, query }) => {
  const result = await listOffersForExpert(actor, query);
  return {
    ...result,
    items: result.items.map((o) => ({
      id: o.id,
      requestId: o.requestId,
      status: o.status,
      createdAt: o.createdAt,
      expiresAt: o.expiresAt,
      answeredAt: o.answeredAt,
      declineReason: o.declineReason,
      request: {
        caseNumber: o.caseNumber,
        title: o.title,
        category: o.category,
        status: o.requestStatus,
        urgency: o.urgency,
        regionCode: o.regionCode,
        amountAtStakeFen: o.amountAtStakeFen,
        language: o.language,
        serviceMode: o.serviceMode,
        enterprise: { name: o.enterpriseName, creditCode: o.enterpriseCreditCode },
        counterparties: o.counterparties,
      },
    })),
  };
});
