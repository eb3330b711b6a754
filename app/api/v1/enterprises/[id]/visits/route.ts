// POST /api/v1/enterprises/:id/visits - expert (for themself), admin of the company's district (for a currently appointed expert): plan a visit (巡诊) -> 201 { id, status: "proposed" }
import { apiRoute, created } from "@/lib/http/api-route";
import { planVisit } from "@/lib/visits/plan-visit";
import { visitPlannedResponse } from "@/lib/visits/responses";
import { planVisitSchema } from "@/lib/visits/schemas";

export const POST = apiRoute(
  { permission: "visit.plan", body: planVisitSchema, response: visitPlannedResponse, status: 201 },
  async ({ actor, params, body }) => created(await planVisit(actor, params.id!, body)),
);
