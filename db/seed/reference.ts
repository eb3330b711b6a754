import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { regions, specialties } from "@/db/schema";
import { regionRows } from "./regions-data";
import { specialtyRows } from "./specialties-data";

/** Regions and specialties: reference data every database needs, demo or not. Idempotent. */
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
}
