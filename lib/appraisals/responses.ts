import { z } from "zod";
import { appraisalGrades } from "@/lib/enums";
import { fen, id, timestamp } from "@/lib/http/wire";

// The answers of the appraisal routes, as they are on the wire.

const count = z.number().int();
const figure = z.number().nullable();

const figures = {
  offersMade: count,
  /** Accepted or declined by the offer's deadline. */
  offersAnsweredInTime: count,
  offersAccepted: count,
  offersDeclined: count,
  offersExpired: count,
  casesResolved: count,
  /** Working hours from acceptance to the first contact (median of the year's first contacts). */
  medianHoursToFirstContact: figure,
  /** Working days from acceptance to resolution (median of the year's resolutions). */
  medianDaysToResolution: figure,
  recoveredFen: fen,
  ratings: count,
  averageRating: figure,
  returnVisits: count,
  averageSatisfaction: figure,
  sessionsHeld: count,
  serviceHours: z.number(),
  /** Service-level deadlines the expert owed that fell due in the year and were missed. */
  breaches: count,
};

export const appraisalItem = z.strictObject({
  expertId: id,
  name: z.string(),
  year: z.number().int(),
  /** The expert's district (county code) and its name. */
  district: z.string(),
  districtName: z.string(),
  ...figures,
  grade: z.enum(appraisalGrades).optional(),
  comment: z.string().optional(),
  gradedAt: timestamp.optional(),
});

export const appraisalsResponse = z.strictObject({ items: z.array(appraisalItem) });

export const gradeResponse = z.strictObject({
  expertId: id,
  year: z.number().int(),
  grade: z.enum(appraisalGrades),
  comment: z.string(),
  gradedAt: timestamp,
  /** The scorecard as it stood when graded. */
  figures: z.strictObject(figures),
});
