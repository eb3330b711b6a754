// POST /api/v1/expert-applications/:id/decision - admin of the applicant's district (another district's -> 403): { approve, reason, termYears? } -> the expert with appointedUntil; a second decision -> 409
import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { decideApplication } from "@/lib/roster/decide-application";
import { decisionSchema } from "@/lib/roster/schemas";
import { uuidParam } from "@/lib/validation";
import { expertDecisionResponse } from "@/lib/roster/responses";

export const POST = apiRoute(
  { permission: "application.decide", body: decisionSchema, response: expertDecisionResponse },
  ({ actor, body, params }) => {
    if (!uuidParam.safeParse(params.id).success) throw notFound();
    return decideApplication(actor, params.id!, body);
  },
);
