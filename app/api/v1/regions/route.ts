// GET /api/v1/regions - anyone
import { apiRoute } from "@/lib/http/api-route";
import { listRegions } from "@/lib/reference-data/queries";
import { regionsResponse } from "@/lib/reference-data/responses";

export const GET = apiRoute({ permission: "public", response: regionsResponse }, () => listRegions());
