// GET /api/health - anyone (a load balancer): 200 { status: "ok", database: "ok", jobs: "ok" } when the database answers and the job queue has started; 503 naming the part that failed
import { checkHealth, healthResponse } from "@/lib/health";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json";

export const GET = apiRoute({ permission: "public", anonymous: true, response: healthResponse, answersUnavailable: true }, async () => {
  const health = await checkHealth();
  return jsonResponse(health, health.status === "ok" ? 200 : 503);
});
