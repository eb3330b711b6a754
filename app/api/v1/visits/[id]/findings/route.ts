// POST /api/v1/visits/:id/findings - the visiting expert: { summary, findings: [{ finding, recommendation, needsWork }] } marks a confirmed visit done, from its day on -> 201; else 409
import { apiRoute, created } from "@/lib/http/api-route";
import { recordFindings } from "@/lib/visits/record-findings";
import { findingsRecordedResponse } from "@/lib/visits/responses";
import { recordFindingsSchema } from "@/lib/visits/schemas";

export const POST = apiRoute(
  { permission: "visit.record", body: recordFindingsSchema, response: findingsRecordedResponse, status: 201 },
  async ({ actor, params, body }) => created(await recordFindings(actor, params.id!, body)),
);
