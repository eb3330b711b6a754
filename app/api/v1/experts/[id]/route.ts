// GET /api/v1/experts/:id - anyone (current experts); the expert themself and admins (any status, with private fields)
import { apiRoute } from "@/lib/http/api-route";
import { getExpertProfileFor } from "@/lib/roster/queries/experts";
import { expertProfileResponse } from "@/lib/roster/responses";

export const GET = apiRoute({ permission: "public", response: expertProfileResponse }, ({ actor, params }) =>
  getExpertProfileFor(actor, params.id ?? ""),
);
