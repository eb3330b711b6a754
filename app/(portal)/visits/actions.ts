"use server";

import { z } from "zod";
import { action } from "@/lib/http/server-action";
import { answerVisit } from "@/lib/visits/answer-visit";
import { cancelVisit } from "@/lib/visits/cancel-visit";
import { requestFromFinding } from "@/lib/visits/finding-request";
import { planVisit } from "@/lib/visits/plan-visit";
import { recordFindings } from "@/lib/visits/record-findings";
import { findingRequestSchema, planVisitFormSchema, recordFindingsSchema, visitReasonSchema } from "@/lib/visits/schemas";

const onVisit = z.object({ visitId: z.uuid("errors.notFound") });

export const planVisitAction = action({ permission: "visit.plan", input: planVisitFormSchema }, ({ actor, input: { enterpriseId, ...input } }) =>
  planVisit(actor, enterpriseId, input),
);

export const confirmVisitAction = action({ permission: "visit.answer", input: onVisit }, ({ actor, input }) =>
  answerVisit(actor, input.visitId, { decision: "confirmed" }),
);

export const declineVisitAction = action({ permission: "visit.answer", input: onVisit.extend(visitReasonSchema.shape) }, ({ actor, input }) =>
  answerVisit(actor, input.visitId, { decision: "declined", reason: input.reason }),
);

export const cancelVisitAction = action({ permission: "visit.plan", input: onVisit.extend(visitReasonSchema.shape) }, ({ actor, input }) =>
  cancelVisit(actor, input.visitId, input.reason),
);

export const recordFindingsAction = action(
  { permission: "visit.record", input: onVisit.extend(recordFindingsSchema.shape) },
  ({ actor, input: { visitId, ...input } }) => recordFindings(actor, visitId, input),
);

export const findingRequestAction = action(
  { permission: "request.create", input: z.object({ findingId: z.uuid("errors.notFound") }).extend(findingRequestSchema.shape) },
  ({ actor, input: { findingId, ...input }, locale }) => requestFromFinding(actor, findingId, input, { locale }),
);
