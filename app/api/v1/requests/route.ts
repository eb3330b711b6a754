// POST /api/v1/requests - enterprise, station (a walk-in), admin (a hotline call, channel "hotline", or a referral, channel "referral" with referredBy; in its own district, elsewhere 403): file a request (the Idempotency-Key header is honoured)
// GET /api/v1/requests - signed in: only what the actor may see; filters status, q (title or case number), category, channel, urgency, region, from, to
import { apiRoute, created } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json";
import { invalidField } from "@/lib/errors";
import { fileRequest } from "@/lib/requests/file-request";
import { listRequestsForActor } from "@/lib/requests/queries";
import { fileRequestApiSchema, IDEMPOTENCY_KEY_MAX, listFilterOf, requestListQuery } from "@/lib/requests/schemas";
import { fileRequestResponse, requestListResponse } from "@/lib/requests/responses";

export const POST = apiRoute(
  { permission: "request.create", body: fileRequestApiSchema, response: fileRequestResponse, status: 201, idempotent: true },
  async ({ actor, body, request }) => {
    const key = request.headers.get("idempotency-key");
    if (key !== null && (!key.trim() || key.length > IDEMPOTENCY_KEY_MAX)) throw invalidField("Idempotency-Key", "errors.field.invalid");
    const viaApiToken = /^bearer\s/i.test(request.headers.get("authorization") ?? "");
    const filed = await fileRequest(actor, body, { idempotencyKey: key, viaApiToken });
    const { replayed, ...result } = filed;
    // A replay answers exactly like the first call did, and says so in a header.
    return replayed ? jsonResponse(result, 201, { "idempotent-replayed": "true" }) : created(result);
  },
);

export const GET = apiRoute({ permission: "request.list", query: requestListQuery, response: requestListResponse }, async ({ actor, query }) =>
  listRequestsForActor(actor, listFilterOf(query), query),
);
