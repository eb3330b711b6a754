// GET /api/v1/visits/:id - those who may see the visit (its company, its expert, admins of the company's district): the visit with its findings
import { apiRoute } from "@/lib/http/api-route";
import { getVisit } from "@/lib/visits/queries";
import { visitDetailResponse } from "@/lib/visits/responses";

export const GET = apiRoute({ permission: "visit.read", response: visitDetailResponse }, ({ actor, params }) => getVisit(actor, params.id!));
