// POST /api/v1/requests/:id/triage - admin: accept, return (what is missing) or reject (reason, referral)
import { apiRoute } from "@/lib/http/api-route";
import { triageSchema } from "@/lib/requests/schemas";
import { triageRequest } from "@/lib/requests/triage-request";

export const POST = apiRoute({ permission: "request.triage", body: triageSchema }, async ({ actor, params, body }) =>
  triageRequest(actor, params.id!, body),
);
