// POST /api/v1/visits/:id/decline - a member of the visited company: { reason } declines a proposed or confirmed visit before its day; else 409
import { apiRoute } from "@/lib/http/api-route";
import { answerVisit } from "@/lib/visits/answer-visit";
import { visitStatusResponse } from "@/lib/visits/responses";
import { visitReasonSchema } from "@/lib/visits/schemas";

export const POST = apiRoute({ permission: "visit.answer", body: visitReasonSchema, response: visitStatusResponse }, ({ actor, params, body }) =>
  answerVisit(actor, params.id!, { decision: "declined", reason: body.reason }),
);
