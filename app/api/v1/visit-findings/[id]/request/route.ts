// POST /api/v1/visit-findings/:id/request - admin of the company's district (on its behalf), or a member of the company: a finding that needs work becomes a request (default category compliance_checkup) -> 201 { requestId, caseNumber }; a second time -> 409
import { apiRoute, created } from "@/lib/http/api-route";
import { requestFromFinding } from "@/lib/visits/finding-request";
import { findingRequestResponse } from "@/lib/visits/responses";
import { findingRequestSchema } from "@/lib/visits/schemas";

export const POST = apiRoute(
  { permission: "request.create", body: findingRequestSchema, response: findingRequestResponse, status: 201 },
  async ({ actor, params, body, locale }) => created(await requestFromFinding(actor, params.id!, body, { locale })),
);
