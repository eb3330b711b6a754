import { z } from "zod";
import { phoneField, requiredText, storableString } from "@/lib/validation";

// zod schemas of the station use cases, shared by the API, the server actions and the forms.

export const STATION_NAME_MAX = 100;
export const STATION_ADDRESS_MAX = 200;
export const STATION_HOURS_MAX = 200;

/** A GB/T 2260 code of a county (6 digits) or a town (9); whether it exists is checked against the regions table. */
const regionCodeField = z
  .string({ error: "errors.field.required" })
  .trim()
  .min(1, "errors.field.required")
  .regex(/^\d{6}(\d{3})?$/, "errors.field.unknownRegion");

/** A phone number as elsewhere (phoneField); "" or null = none. */
const phoneOrNone = z
  .string()
  .nullable()
  .transform((v) => (v?.trim() ? v : null))
  .pipe(phoneField.nullable());

/** Opening hours in the station's own words; "" or null = not given. */
const hoursOrNone = storableString()
  .trim()
  .max(STATION_HOURS_MAX, "errors.field.tooLong")
  .nullable()
  .transform((v) => v || null);

const stationFields = {
  name: requiredText(STATION_NAME_MAX),
  regionCode: regionCodeField,
  address: requiredText(STATION_ADDRESS_MAX),
};

/** POST /api/v1/stations and the create form: `{ name, regionCode, address, phone?, hours? }`. */
export const createStationSchema = z.object({
  ...stationFields,
  phone: phoneOrNone.optional().transform((v) => v ?? null),
  hours: hoursOrNone.optional().transform((v) => v ?? null),
});
export type CreateStationInput = z.output<typeof createStationSchema>;

/**
 * PATCH /api/v1/stations/{id}: the fields to change (absent ones stay as they are; `phone` and
 * `hours` clear with null or ""), and `closed` to close or reopen the station.
 */
export const updateStationSchema = z.object({
  name: stationFields.name.optional(),
  regionCode: stationFields.regionCode.optional(),
  address: stationFields.address.optional(),
  phone: phoneOrNone.optional(),
  hours: hoursOrNone.optional(),
  closed: z.boolean({ error: "errors.field.invalid" }).optional(),
});
export type UpdateStationInput = z.output<typeof updateStationSchema>;

/** The edit form: every field as the form shows it, for the station it names. */
export const editStationFormSchema = createStationSchema.extend({ stationId: z.uuid() });

/** Closing or reopening from the admin page. */
export const stationIdSchema = z.object({ stationId: z.uuid() });

/** GET /api/v1/stations: `?region=` (a county includes its towns). */
export const stationListQuery = z.object({
  region: z
    .string()
    .trim()
    .regex(/^\d{6}(\d{3})?$/, "errors.field.unknownRegion")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
