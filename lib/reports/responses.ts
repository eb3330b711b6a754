import { z } from "zod";
import { calendarDate, fen, id, pageOf, timestamp } from "@/lib/http/wire";
import { deadlineKinds, requestStatuses } from "@/lib/enums";
import { agingBuckets, reportDimensions } from "./schemas";

// The answers of the report routes, as they are on the wire.

const count = z.number().int();
const hours = z.number().nullable();

const reportRow = z.strictObject({
  key: z.string(),
  /** In the caller's language. */
  label: z.string(),
  requests: count,
  requestsResolved: count,
  disputesOpened: count,
  disputesResolved: count,
  claimedFen: fen,
  recoveredFen: fen,
  acceptedRequests: count,
  medianHoursToAccept: hours,
  p90HoursToAccept: hours,
  // By station and by expert (rows and totals) only: the duty days (坐诊) of the period.
  /** Duty sessions held (on their date, at a station in the scope). */
  sessionsHeld: count.optional(),
  /** Consultations given: bookings on those sessions marked attended. */
  consultationsGiven: count.optional(),
  /** Bookings marked not attended (no-show). */
  bookingsNoShow: count.optional(),
  /** Consultations turned into a request. */
  requestsFromConsultations: count.optional(),
  /** Service hours: dutyHours (a held half-day 3.5, a whole day 7) plus caseHours (recorded on cases, on the day worked). */
  serviceHours: z.number().optional(),
  dutyHours: z.number().optional(),
  caseHours: z.number().optional(),
});

export const reportResponse = z.strictObject({
  groupBy: z.enum(reportDimensions),
  from: calendarDate,
  to: calendarDate,
  source: z.enum(["rollups", "ledger"]),
  rows: z.array(reportRow),
  totals: reportRow,
  /** The page of rows answered (`page`, `pageSize`), and how many rows the whole report has. */
  page: count,
  pageSize: count,
  total: count,
});

const figures = { requestsFiled: count, requestsResolved: count, disputesResolved: count, recoveredFen: fen };

export const statsResponse = z.strictObject({
  expertsActive: count,
  ...figures,
  byYear: z.array(z.strictObject({ year: z.number().int(), ...figures })),
  byDistrict: z.array(
    z.strictObject({ code: z.string(), name: z.strictObject({ zh: z.string(), en: z.string() }), expertsActive: count, ...figures }),
  ),
  outsideZone: z.strictObject(figures),
});

/** GET /reports/aging: open requests by district, status and age bucket (calendar days since filing). */
export const agingResponse = z.strictObject({
  items: z.array(z.strictObject({ regionCode: z.string(), status: z.enum(requestStatuses), bucket: z.enum(agingBuckets), count })),
});

/** GET /reports/breaches: the deadlines missed, with who owed them and how late (working hours). */
export const breachesResponse = pageOf(
  z.strictObject({
    requestId: id,
    caseNumber: z.string(),
    kind: z.enum(deadlineKinds),
    owedBy: z.strictObject({ role: z.enum(["admin", "expert"]), userId: id.optional(), expertId: id.optional() }),
    dueAt: timestamp,
    breachedAt: timestamp,
    doneAt: timestamp.optional(),
    lateHours: z.number(),
  }),
);
