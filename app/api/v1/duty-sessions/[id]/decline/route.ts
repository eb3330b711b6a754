// POST /api/v1/duty-sessions/:id/decline - the session's expert (others 404): { reason }; the half-day is free again and the planner told; answered, cancelled or past -> 409
import { declineDutySession } from "@/lib/duty/answer-session";
import { dutySessionStatusResponse } from "@/lib/duty/responses";
import { declineDutySchema } from "@/lib/duty/schemas";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute({ permission: "duty.answer", body: declineDutySchema, response: dutySessionStatusResponse }, ({ actor, params, body }) =>
  declineDutySession(actor, params.id!, body.reason),
);
