// POST /api/v1/requests/:id/return-visits - admin of the request's district: a return visit on a closed request -> 201 { id }; not closed -> 409
import { apiRoute, created } from "@/lib/http/api-route";
import { recordReturnVisit } from "@/lib/requests/record-return-visit";
import { returnVisitSchema } from "@/lib/requests/schemas";
import { returnVisitRecordedResponse } from "@/lib/return-visits/responses";

export const POST = apiRoute(
  { permission: "request.returnVisit", body: returnVisitSchema, response: returnVisitRecordedResponse, status: 201 },
  async ({ actor, params, body }) => created(await recordReturnVisit(actor, params.id!, body)),
);
