import { z } from "zod";
import { companyVisitStatuses } from "@/lib/enums";
import { calendarDate, id, pageOf, timestamp } from "@/lib/http/wire";

// The answers of the visit routes (巡诊), as they are on the wire.

const status = z.enum(companyVisitStatuses);

const visitFields = {
  id,
  enterpriseId: id,
  enterpriseName: z.string(),
  expertId: id,
  expertName: z.string(),
  visitOn: calendarDate,
  purpose: z.string(),
  status,
  /** The company's reason for declining, or the reason it was cancelled. */
  reason: z.string().nullable(),
  answeredAt: timestamp.nullable(),
  doneAt: timestamp.nullable(),
  createdAt: timestamp,
  /** How many findings were recorded, and how many of them need work. */
  findings: z.number().int(),
  needsWork: z.number().int(),
};

/** GET /api/v1/visits. */
export const visitListResponse = pageOf(z.strictObject(visitFields));

/** GET /api/v1/visits/:id: the visit with its findings. */
export const visitDetailResponse = z.strictObject({
  ...visitFields,
  summary: z.string().nullable(),
  plannedByName: z.string(),
  /** The company's district (county code); null when unknown. */
  district: z.string().nullable(),
  findings: z.array(
    z.strictObject({
      id,
      finding: z.string(),
      recommendation: z.string(),
      needsWork: z.boolean(),
      /** Whether it became a request; the request itself only when the caller may see it. */
      requested: z.boolean(),
      requestId: id.nullable(),
      caseNumber: z.string().nullable(),
    }),
  ),
});

/** POST /api/v1/enterprises/:id/visits. */
export const visitPlannedResponse = z.strictObject({ id, status: z.literal("proposed") });

/** POST /api/v1/visits/:id/confirm · /decline · /cancel. */
export const visitStatusResponse = z.strictObject({ id, status });

/** POST /api/v1/visits/:id/findings. */
export const findingsRecordedResponse = z.strictObject({
  id,
  status: z.literal("done"),
  findings: z.array(z.strictObject({ id, needsWork: z.boolean() })),
});

/** POST /api/v1/visit-findings/:id/request. */
export const findingRequestResponse = z.strictObject({ requestId: id, caseNumber: z.string() });
