// GET /api/v1/stations/:id/duty-sessions - anyone: the station's duty sessions ?from&to (default today + 8 weeks; at most a year), awaiting confirmation included
// POST /api/v1/stations/:id/duty-sessions - station staff of it, admin of its district: { expertId, date, period, slots, repeat? } -> 201 { ids }; the expert already somewhere then -> 409
import { planDutySessions } from "@/lib/duty/plan-sessions";
import { listStationDutySessions } from "@/lib/duty/queries";
import { dutyPlannedResponse, dutySessionListResponse } from "@/lib/duty/responses";
import { dutyRangeQuery, planDutySchema } from "@/lib/duty/schemas";
import { apiRoute, created } from "@/lib/http/api-route";

export const GET = apiRoute({ permission: "public", query: dutyRangeQuery, response: dutySessionListResponse }, ({ params, query }) =>
  listStationDutySessions(params.id!, query),
);

export const POST = apiRoute(
  { permission: "duty.plan", body: planDutySchema, response: dutyPlannedResponse, status: 201 },
  async ({ actor, params, body }) => created(await planDutySessions(actor, params.id!, body)),
);
