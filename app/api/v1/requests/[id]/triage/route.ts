// POST /api/v1/requests/:id/triage - admin: accept, return (what is missing) or reject (reason, referral)
import { apiRoute } from "@/lib/http/api-route";
import { triageSchema } from "@/lib/requests/schemas";
import { triageRequest } from "@/lib/requests/triage-request";
import { requestStatusResponse } from "@/lib/requests/responses";

export const POST = apiRoute({ permission: "request.triage", body: triageSchema, response: requestStatusResponse }, async ({ actor, params, body }) =>
  triageRequest(actor, params.id!, body),
);
