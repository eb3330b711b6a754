// POST /api/v1/requests/:id/hours - the assigned expert: hours worked on the case { workedOn, minutes, note? } -> 201 { id }
import { recordCaseHours } from "@/lib/case-hours/record-case-hours";
import { caseHoursRecordedResponse } from "@/lib/case-hours/responses";
import { recordCaseHoursSchema } from "@/lib/case-hours/schemas";
import { apiRoute, created } from "@/lib/http/api-route";

export const POST = apiRoute(
  { permission: "caseHours.write", body: recordCaseHoursSchema, response: caseHoursRecordedResponse, status: 201 },
  async ({ actor, params, body }) => created(await recordCaseHours(actor, params.id!, body)),
);
