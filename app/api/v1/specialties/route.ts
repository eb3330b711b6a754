// GET /api/v1/specialties - anyone
import { apiRoute } from "@/lib/http/api-route";
import { listSpecialties } from "@/lib/reference-data/queries";
import { specialtiesResponse } from "@/lib/reference-data/responses";

export const GET = apiRoute({ permission: "public", response: specialtiesResponse }, () => listSpecialties());
