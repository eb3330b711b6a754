// POST /api/v1/duty-sessions/:id/confirm - the session's expert (others 404): a planned session from today on -> confirmed; answered, cancelled or past -> 409
import { confirmDutySession } from "@/lib/duty/answer-session";
import { dutySessionStatusResponse } from "@/lib/duty/responses";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute({ permission: "duty.answer", response: dutySessionStatusResponse }, ({ actor, params }) =>
  confirmDutySession(actor, params.id!),
);
