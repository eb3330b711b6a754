// POST /api/v1/experts/:id/suspend - admin of the expert's district (another district's -> 403), with { reason }
import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { reasonSchema } from "@/lib/roster/schemas";
import { suspendExpert } from "@/lib/roster/suspend-expert";
import { uuidParam } from "@/lib/validation";
import { expertDecisionResponse } from "@/lib/roster/responses";

export const POST = apiRoute({ permission: "expert.suspend", body: reasonSchema, response: expertDecisionResponse }, ({ actor, body, params }) => {
  if (!uuidParam.safeParse(params.id).success) throw notFound();
  return suspendExpert(actor, params.id!, body);
});
