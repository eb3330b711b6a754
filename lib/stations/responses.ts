import { z } from "zod";
import { id, timestamp } from "@/lib/http/wire";

// The answers of the station routes, as they are on the wire.

export const stationResponse = z.strictObject({
  id,
  name: z.string(),
  regionCode: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  hours: z.string().nullable(),
  /** Closed stations are kept for their history and take no new filings. */
  closed: z.boolean(),
  closedAt: timestamp.nullable(),
});

export const stationListResponse = z.strictObject({ items: z.array(stationResponse) });
