// POST /api/v1/enterprises/:id/verification - admin of the district in the company's credit code: { approve, reason }; approval joins the walk-in requests filed for the code; a second decision -> 409
import { decideVerification } from "@/lib/companies/decide-verification";
import { verificationResponse } from "@/lib/companies/responses";
import { verificationSchema } from "@/lib/companies/schemas";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(
  { permission: "enterprise.verify", body: verificationSchema, response: verificationResponse },
  ({ actor, params, body }) => decideVerification(actor, params.id!, body),
);
