// POST /api/v1/requests/:id/confirm - the filing enterprise: rating 1-5 and comment, closes the request; while a ledger entry is queried -> 409 unless closeDespiteQueries: true
import { apiRoute } from "@/lib/http/api-route";
import { confirmRequest } from "@/lib/requests/confirm-request";
import { confirmSchema } from "@/lib/requests/schemas";
import { confirmResponse } from "@/lib/requests/responses";

export const POST = apiRoute({ permission: "request.confirm", body: confirmSchema, response: confirmResponse }, async ({ actor, params, body }) =>
  confirmRequest(actor, params.id!, body),
);
