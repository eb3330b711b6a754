// GET /api/v1/requests/:id/candidates - admin: ranked experts with score and reasons, then the excluded with why
import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { candidatesToJson } from "@/lib/routing/candidate-json";
import { listCandidates } from "@/lib/routing/candidates";
import { uuidParam } from "@/lib/validation";
import { candidatesResponse } from "@/lib/routing/responses";

export const GET = apiRoute({ permission: "routing.candidates", response: candidatesResponse }, async ({ actor, params, locale }) => {
  const id = uuidParam.safeParse(params.id);
  if (!id.success) throw notFound();
  return candidatesToJson(await listCandidates(actor, id.data), locale);
});
