// POST /api/v1/experts/:id/reinstate - admin of the expert's district (another district's -> 403), with { reason }
import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { reinstateExpert } from "@/lib/roster/reinstate-expert";
import { reasonSchema } from "@/lib/roster/schemas";
import { uuidParam } from "@/lib/validation";
import { expertDecisionResponse } from "@/lib/roster/responses";

export const POST = apiRoute({ permission: "expert.reinstate", body: reasonSchema, response: expertDecisionResponse }, ({ actor, body, params }) => {
  if (!uuidParam.safeParse(params.id).success) throw notFound();
  return reinstateExpert(actor, params.id!, body);
});
