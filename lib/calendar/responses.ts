import { z } from "zod";

/** GET and POST /api/v1/me/calendar: the absolute URL of one's private feed. */
export const calendarFeedResponse = z.strictObject({ url: z.url() });
