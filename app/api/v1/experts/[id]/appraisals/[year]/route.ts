// PUT /api/v1/experts/:id/appraisals/:year - admin of the expert's district (another district's -> 403): the year's grade and comment; a future year -> 422
import { gradeExpert } from "@/lib/appraisals/grade-expert";
import { gradeResponse } from "@/lib/appraisals/responses";
import { gradeSchema, yearField } from "@/lib/appraisals/schemas";
import { invalidField, notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { uuidParam } from "@/lib/validation";

export const PUT = apiRoute({ permission: "appraisal.grade", body: gradeSchema, response: gradeResponse }, ({ actor, body, params }) => {
  if (!uuidParam.safeParse(params.id).success) throw notFound();
  const year = yearField.safeParse(params.year);
  if (!year.success) throw invalidField("year", "appraisals.errors.year");
  return gradeExpert(actor, params.id!, year.data, body);
});
