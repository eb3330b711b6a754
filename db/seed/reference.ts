import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { regions, settings, specialties } from "@/db/schema";
import { defaultServiceLevels, SERVICE_LEVELS_KEY } from "@/lib/timeliness/defaults";
import { regionRows } from "./regions-data";
import { specialtyRows } from "./specialties-data";

/**
 * Regions, specialties and the default service levels: what every database needs, demo or not.
 * Idempotent; service levels an admin has set are kept.
 */
export async function seedReferenceData(tx: DbOrTx): Promise<void> {
  // Parents come before children in the data, so one ordered insert satisfies the foreign key.
  for (let i = 0; i < regionRows.length; i += 200) {
    await tx
      .insert(regions)
      .values(regionRows.slice(i, i + 200).map((r) => ({ ...r })))
      .onConflictDoUpdate({ target: regions.code, set: { nameZh: sql`excluded.name_zh`, nameEn: sql`excluded.name_en` } });
  }
  await tx
    .insert(specialties)
    .values(specialtyRows.map((s, i) => ({ ...s, sortOrder: i })))
    .onConflictDoUpdate({ target: specialties.code, set: { nameZh: sql`excluded.name_zh`, nameEn: sql`excluded.name_en` } });
  await tx.insert(settings).values({ key: SERVICE_LEVELS_KEY, value: defaultServiceLevels }).onConflictDoNothing({ target: settings.key });
}
