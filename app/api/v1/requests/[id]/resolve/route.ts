// POST /api/v1/requests/:id/resolve - the assigned expert; every dispute must be closed first
import { apiRoute } from "@/lib/http/api-route";
import { resolveRequest } from "@/lib/requests/resolve-request";
import { resolveSchema } from "@/lib/requests/schemas";
import { requestStatusResponse } from "@/lib/requests/responses";

export const POST = apiRoute(
  { permission: "request.resolve", body: resolveSchema, response: requestStatusResponse },
  async ({ actor, params, body }) => resolveRequest(actor, params.id!, body.summary),
);
