// POST /api/v1/requests/:id/withdraw - the filing enterprise or station, before acceptance
import { apiRoute } from "@/lib/http/api-route";
import { withdrawSchema } from "@/lib/requests/schemas";
import { withdrawRequest } from "@/lib/requests/withdraw-request";
import { requestStatusResponse } from "@/lib/requests/responses";

export const POST = apiRoute(
  { permission: "request.withdraw", body: withdrawSchema, response: requestStatusResponse },
  async ({ actor, params, body }) => withdrawRequest(actor, params.id!, body.reason),
);
