// GET /api/v1/regions - anyone
import { apiRoute } from "@/lib/http/api-route";
import { listRegions } from "@/lib/reference-data";

export const GET = apiRoute({ permission: "public" }, () => listRegions());
