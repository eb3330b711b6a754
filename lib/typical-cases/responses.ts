import { z } from "zod";
import { id, pageOf, timestamp } from "@/lib/http/wire";

// The answers of the typical-case routes, as they are on the wire.

/** POST /api/v1/typical-cases. */
export const typicalCaseDraftedResponse = z.strictObject({ id, status: z.literal("draft") });

/** POST /api/v1/typical-cases/:id/publish. */
export const typicalCasePublishedResponse = z.strictObject({ id, status: z.literal("published"), publishedAt: timestamp });

/** GET /api/v1/typical-cases: published typical cases, newest first, with their figures from the ledger. */
export const typicalCaseListResponse = pageOf(
  z.strictObject({
    id,
    titleZh: z.string(),
    titleEn: z.string().optional(),
    storyZh: z.string(),
    storyEn: z.string().optional(),
    figures: z.strictObject({ disputesResolved: z.number().int(), recoveredFen: z.number().int() }),
    publishedAt: timestamp,
  }),
);
