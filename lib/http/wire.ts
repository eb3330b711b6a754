import { z } from "zod";

// Building blocks of the routes' response schemas, which describe answers as they are on the wire.

/** A timestamp: a Date leaves as an ISO 8601 string in UTC. */
export const timestamp = z.iso.datetime();
/** A calendar date, YYYY-MM-DD. */
export const calendarDate = z.iso.date();
/** Money: an integer number of fen (a bigint in the code, a JSON integer on the wire). */
export const fen = z.number().int();
export const id = z.uuid();

/** The contract's list shape: `{ items, page, pageSize, total }`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

/** A long list's page (lib/list-window.ts): `total` counted up to the window, `totalExact` false when more match. */
export const windowPageOf = <T extends z.ZodType>(item: T) => pageOf(item).extend({ totalExact: z.boolean() });

/** The media types of the files some routes answer instead of JSON. */
export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV = "text/csv; charset=utf-8";
