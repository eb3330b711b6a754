import { customType } from "drizzle-orm/pg-core";

/** Raw bytes (files kept in the database, so every app instance serves them). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
