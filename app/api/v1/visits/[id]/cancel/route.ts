// POST /api/v1/visits/:id/cancel - the visiting expert, admin of the company's district: { reason } cancels a proposed or confirmed visit; else 409
import { apiRoute } from "@/lib/http/api-route";
import { cancelVisit } from "@/lib/visits/cancel-visit";
import { visitStatusResponse } from "@/lib/visits/responses";
import { visitReasonSchema } from "@/lib/visits/schemas";

export const POST = apiRoute({ permission: "visit.plan", body: visitReasonSchema, response: visitStatusResponse }, ({ actor, params, body }) =>
  cancelVisit(actor, params.id!, body.reason),
);
