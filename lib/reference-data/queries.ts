import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { regions, specialties } from "@/db/schema";

/** The specialty taxonomy, in display order. */
export function listSpecialties() {
  return db
    .select({ code: specialties.code, nameZh: specialties.nameZh, nameEn: specialties.nameEn })
    .from(specialties)
    .orderBy(asc(specialties.sortOrder));
}

/** All regions of the Delta with their parents (GB/T 2260 codes). */
export function listRegions() {
  return db
    .select({ code: regions.code, nameZh: regions.nameZh, nameEn: regions.nameEn, parentCode: regions.parentCode, level: regions.level })
    .from(regions)
    .orderBy(asc(regions.code));
}

/** One region's names, or null for a code that is not in the table. */
export async function findRegion(code: string): Promise<{ nameZh: string; nameEn: string } | null> {
  const [row] = await db.select({ nameZh: regions.nameZh, nameEn: regions.nameEn }).from(regions).where(eq(regions.code, code));
  return row ?? null;
}
