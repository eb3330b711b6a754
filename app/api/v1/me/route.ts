// GET /api/v1/me - any signed-in user
import { apiRoute } from "@/lib/http/api-route";
import { meResponse } from "@/lib/accounts/responses";

export const GET = apiRoute({ permission: "me.read", response: meResponse }, async ({ actor }) => ({
  userId: actor.userId,
  role: actor.role,
  email: actor.email,
  name: actor.name,
  ...(actor.expertId ? { expertId: actor.expertId } : {}),
  ...(actor.enterpriseId ? { enterpriseId: actor.enterpriseId } : {}),
  ...(actor.stationId ? { stationId: actor.stationId } : {}),
}));
