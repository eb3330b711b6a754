// POST /api/v1/duty-sessions/:id/cancel - station staff of its station, admin of its district: { reason? }; bookings end, the expert and bookers told; declined, cancelled, held or past -> 409
import { cancelDutySession } from "@/lib/duty/cancel-session";
import { dutySessionStatusResponse } from "@/lib/duty/responses";
import { cancelDutySchema } from "@/lib/duty/schemas";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute({ permission: "duty.plan", body: cancelDutySchema, response: dutySessionStatusResponse }, ({ actor, params, body }) =>
  cancelDutySession(actor, params.id!, body.reason ?? null),
);
