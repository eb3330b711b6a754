import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { expertRegions, expertSpecialties, regions, specialties } from "@/db/schema";
import { AppError, type FieldErrors } from "@/lib/errors";

/**
 * Refuses specialty and region codes that are not in the taxonomy (422 with the field), so an
 * unknown code gets a message instead of a foreign-key error.
 */
export async function assertKnownCodes(tx: DbOrTx, input: { specialties?: string[]; regions?: string[]; homeRegionCode?: string }): Promise<void> {
  const regionCodes = [...new Set([...(input.regions ?? []), ...(input.homeRegionCode ? [input.homeRegionCode] : [])])];
  const [knownSpecialties, knownRegions] = await Promise.all([
    input.specialties?.length ? tx.select({ code: specialties.code }).from(specialties).where(inArray(specialties.code, input.specialties)) : [],
    regionCodes.length ? tx.select({ code: regions.code }).from(regions).where(inArray(regions.code, regionCodes)) : [],
  ]);
  const specialtySet = new Set(knownSpecialties.map((r) => r.code));
  const regionSet = new Set(knownRegions.map((r) => r.code));
  const fields: FieldErrors = {};
  if (input.specialties?.some((c) => !specialtySet.has(c))) fields.specialties = "errors.field.unknownSpecialty";
  if (input.regions?.some((c) => !regionSet.has(c))) fields.regions = "errors.field.unknownRegion";
  if (input.homeRegionCode && !regionSet.has(input.homeRegionCode)) fields.homeRegionCode = "errors.field.unknownRegion";
  if (Object.keys(fields).length) throw new AppError("invalid_input", "errors.invalidInput", { fields });
}

/** Sets an expert's specialties and served regions to exactly these lists. */
export async function replaceExpertTaxonomy(tx: DbOrTx, expertId: string, input: { specialties: string[]; regions: string[] }): Promise<void> {
  await tx.delete(expertSpecialties).where(eq(expertSpecialties.expertId, expertId));
  await tx.delete(expertRegions).where(eq(expertRegions.expertId, expertId));
  const s = [...new Set(input.specialties)];
  const r = [...new Set(input.regions)];
  if (s.length) await tx.insert(expertSpecialties).values(s.map((specialtyCode) => ({ expertId, specialtyCode })));
  if (r.length) await tx.insert(expertRegions).values(r.map((regionCode) => ({ expertId, regionCode })));
}
