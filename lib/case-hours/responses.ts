import { z } from "zod";
import { id } from "@/lib/http/wire";

/** POST /requests/:id/hours. */
export const caseHoursRecordedResponse = z.strictObject({ id });
