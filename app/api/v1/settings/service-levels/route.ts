// GET /api/v1/settings/service-levels - admin: the service levels in force (exactly what PUT takes)
// PUT /api/v1/settings/service-levels - unscoped admin: replaces them whole (a district admin -> 403; invalid -> 422)
import { apiRoute } from "@/lib/http/api-route";
import { serviceLevelsSchema } from "@/lib/timeliness/schemas";
import { readServiceLevels, updateServiceLevels } from "@/lib/timeliness/service-levels";

export const GET = apiRoute({ permission: "serviceLevels.read", response: serviceLevelsSchema }, ({ actor }) => readServiceLevels(actor));

export const PUT = apiRoute({ permission: "serviceLevels.write", body: serviceLevelsSchema, response: serviceLevelsSchema }, ({ actor, body }) =>
  updateServiceLevels(actor, body),
);
