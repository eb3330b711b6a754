// POST /api/v1/expert-applications - anyone: apply to join the roster -> 201 { id, status: "pending" }
// GET /api/v1/expert-applications - admin only: pending and decided applications of every district (filter district)
import { apiRoute, created } from "@/lib/http/api-route";
import { applyToJoin } from "@/lib/roster/apply-to-join";
import { listApplications } from "@/lib/roster/queries/applications";
import { applicationQuerySchema, applySchema } from "@/lib/roster/schemas";
import { applicationListResponse, applyResponse } from "@/lib/roster/responses";

export const POST = apiRoute(
  { permission: "public", body: applySchema, response: applyResponse, status: 201, errors: ["rate_limited"] },
  async ({ body }) => {
    const { id, status } = await applyToJoin(body);
    return created({ id, status });
  },
);

export const GET = apiRoute(
  { permission: "application.list", query: applicationQuerySchema, response: applicationListResponse },
  ({ actor, query }) => listApplications(actor, query),
);
