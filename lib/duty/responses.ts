import { z } from "zod";
import { dutyPeriods, dutySessionStatuses } from "@/lib/enums";
import { calendarDate, id } from "@/lib/http/wire";

// The answers of the rota routes, as they are on the wire.

/** GET /api/v1/stations/{id}/duty-sessions: the station's sessions in the range, by date and half-day. */
export const dutySessionListResponse = z.strictObject({
  items: z.array(
    z.strictObject({
      id,
      expertId: id,
      expertName: z.string(),
      date: calendarDate,
      period: z.enum(dutyPeriods),
      slots: z.number().int(),
      /** Live bookings (booked, attended or not shown up). */
      booked: z.number().int(),
      status: z.enum(dutySessionStatuses),
    }),
  ),
  /** The range listed (both inclusive): the one asked for, or today and eight weeks on. */
  from: calendarDate,
  to: calendarDate,
});

/** POST /api/v1/stations/{id}/duty-sessions: the sessions made, by date; the public holidays a pattern left out. */
export const dutyPlannedResponse = z.strictObject({ ids: z.array(id), skipped: z.array(calendarDate) });

/** POST /api/v1/duty-sessions/{id}/confirm · /decline · /cancel. */
export const dutySessionStatusResponse = z.strictObject({ id, status: z.enum(dutySessionStatuses) });
