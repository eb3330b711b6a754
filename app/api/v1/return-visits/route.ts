// GET /api/v1/return-visits - admin: closed cases of the admin's district with their return-visit due date; ?due=true only those due and not visited, the oldest due first; paginated
import { apiRoute } from "@/lib/http/api-route";
import { listReturnVisitWorklist } from "@/lib/return-visits/queries";
import { returnVisitListResponse } from "@/lib/return-visits/responses";
import { returnVisitListQuery } from "@/lib/return-visits/schemas";

export const GET = apiRoute(
  { permission: "request.returnVisit", query: returnVisitListQuery, response: returnVisitListResponse },
  ({ actor, query }) => listReturnVisitWorklist(actor, query),
);
