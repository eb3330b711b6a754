// GET /api/v1/experts - anyone: experts with a current appointment, filters q, specialty, region, language, mode
import { apiRoute } from "@/lib/http/api-route";
import { searchDirectory } from "@/lib/roster/queries";
import { directoryQuerySchema } from "@/lib/roster/schemas";

export const GET = apiRoute({ permission: "public", query: directoryQuerySchema }, ({ query }) => searchDirectory(query));
