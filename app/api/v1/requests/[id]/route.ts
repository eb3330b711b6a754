// GET /api/v1/requests/:id - those who may see it: the request with its timeline
import { apiRoute } from "@/lib/http/api-route";
import { getRequestDetail } from "@/lib/requests/queries";
import { requestDetailResponse } from "@/lib/requests/responses";

export const GET = apiRoute({ permission: "request.read", response: requestDetailResponse }, async ({ actor, params }) => {
  const { events, isParty: _isParty, isPanelMember: _isPanelMember, isReader: _isReader, ...request } = await getRequestDetail(actor, params.id!);
  return { ...request, events: events.map(({ data: _data, ...event }) => event) };
});
