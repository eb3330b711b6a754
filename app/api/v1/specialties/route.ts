// GET /api/v1/specialties - anyone
import { apiRoute } from "@/lib/http/api-route";
import { cachedSpecialties } from "@/lib/public-cache/reads";
import { specialtiesResponse } from "@/lib/reference-data/responses";

export const GET = apiRoute({ permission: "public", response: specialtiesResponse }, () => cachedSpecialties());
