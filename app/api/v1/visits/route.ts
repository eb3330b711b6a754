// GET /api/v1/visits - company member (its company's), expert (their own), admin (its district's companies): visits to companies, the open ones first; ?status; paginated
import { apiRoute } from "@/lib/http/api-route";
import { listVisits } from "@/lib/visits/queries";
import { visitListResponse } from "@/lib/visits/responses";
import { visitListQuery } from "@/lib/visits/schemas";

export const GET = apiRoute({ permission: "visit.read", query: visitListQuery, response: visitListResponse }, ({ actor, query }) =>
  listVisits(actor, query),
);
