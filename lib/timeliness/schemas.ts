import { z } from "zod";
import { requestCategories, type RequestCategory } from "@/lib/enums";

const whole = (min: number, max: number, error: "timeliness.errors.hours" | "timeliness.errors.days" | "timeliness.errors.offers") =>
  z.coerce.number({ error }).int(error).min(min, error).max(max, error);
const workingHours = whole(1, 300, "timeliness.errors.hours");
const days = whole(1, 365, "timeliness.errors.days");

/**
 * The law society's service levels (GET/PUT /api/v1/settings/service-levels, replaced whole):
 * hours are working hours and `resolutionDays` working days on the mainland calendar
 * (lib/timeliness/working-time.ts); `staleDays` and `returnVisitAfterDays` are calendar days.
 */
export const serviceLevelsSchema = z
  .strictObject({
    /** From filing to the triage decision. */
    triageHours: workingHours,
    /** The same for an urgent request. */
    urgentTriageHours: workingHours,
    /** From acceptance to the expert's first contact with the company. */
    firstContactHours: workingHours,
    /** A case with no activity for this many days reminds its expert, then escalates. */
    staleDays: days,
    /** A closed case is due for a return visit (回访) this many days after closing. */
    returnVisitAfterDays: days,
    /** From acceptance to resolution, per category. */
    resolutionDays: z.strictObject(
      Object.fromEntries(requestCategories.map((c) => [c, whole(1, 365, "timeliness.errors.days")])) as Record<
        RequestCategory,
        ReturnType<typeof whole>
      >,
    ),
    /** How many experts are offered a request at once; the first to accept takes it. */
    parallelOffers: z.strictObject({ normal: whole(1, 5, "timeliness.errors.offers"), urgent: whole(1, 5, "timeliness.errors.offers") }),
  })
  .refine((s) => s.urgentTriageHours <= s.triageHours, { message: "timeliness.errors.urgentLonger", path: ["urgentTriageHours"] });
export type ServiceLevels = z.infer<typeof serviceLevelsSchema>;
