import { asc, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type DbOrTx } from "@/db";
import { categorySpecialties, specialties } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { requestCategories, type RequestCategory } from "@/lib/enums";
import { AppError, type FieldErrors } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import type { PageQuery } from "@/lib/validation";
import { settingsChanges } from "./settings-history";

/** The settings key its changes are recorded under (events: entity "settings", this id). */
export const CATEGORY_SPECIALTIES_KEY = "category_specialties";

export type CategorySpecialties = Record<RequestCategory, string[]>;

/**
 * A list of specialty codes from a form or the API: blanks dropped (a form sends one blank so that
 * "none ticked" still arrives), duplicates removed. Whether the codes exist is the use case's check.
 */
export const specialtyCodeList = z
  .array(z.string().trim().max(40, "errors.field.unknownSpecialty"))
  .max(12, "errors.field.tooLong")
  .transform((codes) => [...new Set(codes.filter(Boolean))]);

/** Every category with the specialties it implies (all twelve, each a list, possibly empty). */
export const categorySpecialtiesSchema = z.object(
  Object.fromEntries(requestCategories.map((c) => [c, specialtyCodeList])) as Record<RequestCategory, typeof specialtyCodeList>,
);

/** 422 with `fields[field]` when a code is not in the specialty taxonomy. */
export async function checkSpecialtyCodes(handle: DbOrTx, byField: Record<string, string[]>): Promise<void> {
  const wanted = [...new Set(Object.values(byField).flat())];
  if (!wanted.length) return;
  const known = new Set(
    (await handle.select({ code: specialties.code }).from(specialties).where(inArray(specialties.code, wanted))).map((r) => r.code),
  );
  const fields: FieldErrors = {};
  for (const [field, codes] of Object.entries(byField)) if (codes.some((c) => !known.has(c))) fields[field] = "errors.field.unknownSpecialty";
  if (Object.keys(fields).length) throw new AppError("invalid_input", "errors.invalidInput", { fields });
}

/** What each category implies now (a category with no row implies nothing). */
export async function getCategorySpecialties(handle: DbOrTx = db): Promise<CategorySpecialties> {
  const rows = await handle
    .select({ category: categorySpecialties.category, codes: categorySpecialties.specialtyCodes })
    .from(categorySpecialties)
    .orderBy(asc(categorySpecialties.category));
  const mapping = Object.fromEntries(requestCategories.map((c) => [c, [] as string[]])) as CategorySpecialties;
  for (const r of rows) mapping[r.category] = r.codes;
  return mapping;
}

/**
 * Unscoped admins only (routing.settings is zone-wide, like the weights): replaces what every
 * category implies, 422 for an unknown specialty code, and records the change (before and after)
 * as a settings event, in one transaction. Requests that chose no specialty are ranked with the new
 * mapping from then on.
 */
export async function updateCategorySpecialties(actor: Actor | null, input: CategorySpecialties): Promise<CategorySpecialties> {
  const admin = requirePermission(actor, "routing.settings");
  return db.transaction(async (tx) => {
    await checkSpecialtyCodes(tx, input);
    // Serialises two admins saving at once, so each event's "before" is what the other left.
    await tx.execute(sql`lock table category_specialties in share row exclusive mode`);
    const before = await getCategorySpecialties(tx);
    const after = Object.fromEntries(requestCategories.map((c) => [c, input[c]])) as CategorySpecialties;
    await tx
      .insert(categorySpecialties)
      .values(requestCategories.map((category) => ({ category, specialtyCodes: after[category], updatedBy: admin.userId })))
      .onConflictDoUpdate({
        target: categorySpecialties.category,
        set: { specialtyCodes: sql`excluded.specialty_codes`, updatedBy: admin.userId, updatedAt: new Date() },
      });
    const changed = requestCategories.filter((c) => before[c].join(",") !== after[c].join(","));
    if (changed.length) {
      await recordEvent(tx, admin, {
        type: "settings.changed",
        entityType: "settings",
        entityId: CATEGORY_SPECIALTIES_KEY,
        data: {
          before: Object.fromEntries(changed.map((c) => [c, before[c]])),
          after: Object.fromEntries(changed.map((c) => [c, after[c]])),
        },
      });
    }
    return after;
  });
}

/** Unscoped admins only: the changes to the mapping (who, when, each changed category before and after), newest first. */
export async function listCategorySpecialtiesHistory(actor: Actor | null, page: PageQuery) {
  requirePermission(actor, "routing.settings");
  const history = await settingsChanges(CATEGORY_SPECIALTIES_KEY, page);
  const read = (value: unknown) => (value ?? {}) as Record<string, string[]>;
  return { ...history, items: history.items.map((item) => ({ ...item, before: read(item.before), after: read(item.after) })) };
}
