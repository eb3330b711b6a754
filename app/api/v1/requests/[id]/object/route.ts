// POST /api/v1/requests/:id/object - the filing enterprise objects to the outcome with a reason: back to the expert
import { apiRoute } from "@/lib/http/api-route";
import { objectToOutcome } from "@/lib/requests/object-request";
import { objectSchema } from "@/lib/requests/schemas";
import { objectResponse } from "@/lib/requests/responses";

export const POST = apiRoute({ permission: "request.confirm", body: objectSchema, response: objectResponse }, async ({ actor, params, body }) =>
  objectToOutcome(actor, params.id!, body.reason),
);
