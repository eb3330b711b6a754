// GET /api/v1/experts - anyone: experts with a current appointment, filters q, specialty, region, language, mode
import { apiRoute } from "@/lib/http/api-route";
import { directoryPage } from "@/lib/public-cache/reads";
import { directoryQuerySchema } from "@/lib/roster/schemas";
import { directoryResponse } from "@/lib/roster/responses";

export const GET = apiRoute({ permission: "public", query: directoryQuerySchema, response: directoryResponse }, ({ query }) => directoryPage(query));
