// GET /api/v1/regions - anyone
import { apiRoute } from "@/lib/http/api-route";
import { cachedRegions } from "@/lib/public-cache/reads";
import { regionsResponse } from "@/lib/reference-data/responses";

export const GET = apiRoute({ permission: "public", response: regionsResponse }, () => cachedRegions());
