// GET /api/v1/specialties - anyone
import { apiRoute } from "@/lib/http/api-route";
import { listSpecialties } from "@/lib/reference-data";

export const GET = apiRoute({ permission: "public" }, () => listSpecialties());
