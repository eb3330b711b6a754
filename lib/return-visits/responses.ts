import { z } from "zod";
import { calendarDate, id, pageOf, timestamp } from "@/lib/http/wire";

// The answers of the return-visit routes, as they are on the wire.

/** GET /api/v1/return-visits: closed cases, the oldest due first. */
export const returnVisitListResponse = pageOf(
  z.strictObject({
    requestId: id,
    caseNumber: z.string(),
    closedAt: timestamp,
    /** The day the return visit falls due: the day of closing (China time) plus returnVisitAfterDays. */
    dueOn: calendarDate,
    /** Whether a return visit is recorded. */
    visited: z.boolean(),
    enterpriseName: z.string().nullable(),
    expertName: z.string().nullable(),
  }),
);

/** POST /api/v1/requests/:id/return-visits. */
export const returnVisitRecordedResponse = z.strictObject({ id, followUpId: id.nullable() });
