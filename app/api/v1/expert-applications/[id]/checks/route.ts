// POST /api/v1/expert-applications/:id/checks - admin of the applicant's district (another district's -> 403): tick or untick one vetting checklist item { item, checked?, note? }
import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { checkApplication } from "@/lib/roster/check-application";
import { checkSchema } from "@/lib/roster/schemas";
import { uuidParam } from "@/lib/validation";
import { checkResponse } from "@/lib/roster/responses";

export const POST = apiRoute({ permission: "application.check", body: checkSchema, response: checkResponse }, ({ actor, body, params }) => {
  if (!uuidParam.safeParse(params.id).success) throw notFound();
  return checkApplication(actor, params.id!, body);
});
