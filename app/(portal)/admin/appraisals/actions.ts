"use server";

import { gradeExpert } from "@/lib/appraisals/grade-expert";
import { gradeFormSchema } from "@/lib/appraisals/schemas";
import { action } from "@/lib/http/server-action";

export const gradeExpertAction = action({ permission: "appraisal.grade", input: gradeFormSchema }, async ({ actor, input }) => {
  const saved = await gradeExpert(actor, input.expertId, input.year, input);
  return { grade: saved.grade };
});
