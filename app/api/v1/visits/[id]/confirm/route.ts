// POST /api/v1/visits/:id/confirm - a member of the visited company: confirm a proposed visit before its day; answered, or the day passed -> 409
import { apiRoute } from "@/lib/http/api-route";
import { answerVisit } from "@/lib/visits/answer-visit";
import { visitStatusResponse } from "@/lib/visits/responses";

export const POST = apiRoute({ permission: "visit.answer", response: visitStatusResponse }, ({ actor, params }) =>
  answerVisit(actor, params.id!, { decision: "confirmed" }),
);
