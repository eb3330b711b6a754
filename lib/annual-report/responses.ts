import { z } from "zod";
import { calendarDate, fen, id, timestamp } from "@/lib/http/wire";
import { reportResponse } from "@/lib/reports/responses";

// GET /api/v1/reports/annual as it is on the wire: each section is exactly GET /api/v1/reports for the year.
export const annualReportResponse = z.strictObject({
  year: z.number().int(),
  from: calendarDate,
  to: calendarDate,
  regionScope: z.string().nullable(),
  totals: reportResponse.shape.totals,
  sections: z.strictObject({
    region: reportResponse,
    category: reportResponse,
    outcome: reportResponse,
    month: reportResponse,
    station: reportResponse,
    expert: reportResponse,
  }),
  typicalCases: z.array(
    z.strictObject({
      id,
      titleZh: z.string(),
      titleEn: z.string().nullable(),
      disputesResolved: z.number().int(),
      recoveredFen: fen,
      publishedAt: timestamp,
    }),
  ),
  commendations: z.array(
    z.strictObject({
      expertId: id,
      name: z.string(),
      districtCode: z.string().nullable(),
      districtNameZh: z.string().nullable(),
      districtNameEn: z.string().nullable(),
    }),
  ),
});
