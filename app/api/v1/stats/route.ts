// GET /api/v1/stats - anyone: the public aggregate figures
import { apiRoute } from "@/lib/http/api-route";
import { getPublicStats } from "@/lib/reports/public-stats";

export const GET = apiRoute({ permission: "public" }, () => getPublicStats());
