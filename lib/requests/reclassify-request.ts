import { asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { requests, requestSpecialties, specialties } from "@/db/schema";
import type { RequestCategory } from "@/lib/enums";
import { checkSpecialtyCodes } from "@/lib/routing/category-specialties";

/** What the triaging admin corrected: the category and specialties before and after, with the specialties' names then. */
export interface Reclassified {
  before: { category: RequestCategory; specialties: string[] };
  after: { category: RequestCategory; specialties: string[] };
  /** Names of every code named above, as they were: the timeline shows them in either language. */
  specialtyNames: Record<string, { zh: string; en: string }>;
}

/**
 * Inside the triage transaction: sets the request's category and specialties to the admin's
 * correction (each left as filed when absent). 422 for an unknown specialty code. Returns what
 * changed, for the triage step's event, or null when nothing did. The request's row is locked, so
 * the "before" is what the company left.
 */
export async function reclassifyRequest(
  tx: Tx,
  requestId: string,
  correction: { category?: RequestCategory; specialties?: string[] },
): Promise<Reclassified | null> {
  if (correction.category === undefined && correction.specialties === undefined) return null;
  if (correction.specialties) await checkSpecialtyCodes(tx, { specialties: correction.specialties });
  const [row] = await tx.select({ category: requests.category }).from(requests).where(eq(requests.id, requestId)).for("update");
  if (!row) return null;
  const current = await tx
    .select({ code: requestSpecialties.specialtyCode })
    .from(requestSpecialties)
    .where(eq(requestSpecialties.requestId, requestId))
    .orderBy(asc(requestSpecialties.specialtyCode));
  const before = { category: row.category, specialties: current.map((r) => r.code) };
  const after = { category: correction.category ?? before.category, specialties: [...(correction.specialties ?? before.specialties)].sort() };
  const categoryChanged = after.category !== before.category;
  const specialtiesChanged = after.specialties.join(",") !== before.specialties.join(",");
  if (!categoryChanged && !specialtiesChanged) return null;
  if (categoryChanged) await tx.update(requests).set({ category: after.category }).where(eq(requests.id, requestId));
  if (specialtiesChanged) {
    await tx.delete(requestSpecialties).where(eq(requestSpecialties.requestId, requestId));
    if (after.specialties.length)
      await tx.insert(requestSpecialties).values(after.specialties.map((specialtyCode) => ({ requestId, specialtyCode })));
  }
  const codes = [...new Set([...before.specialties, ...after.specialties])];
  const names = codes.length
    ? await tx
        .select({ code: specialties.code, zh: specialties.nameZh, en: specialties.nameEn })
        .from(specialties)
        .where(inArray(specialties.code, codes))
    : [];
  return { before, after, specialtyNames: Object.fromEntries(names.map((n) => [n.code, { zh: n.zh, en: n.en }])) };
}
