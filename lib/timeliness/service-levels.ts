import { eq } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { settings } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { recordEvent } from "@/lib/events/record-event";
import { settingsChanges } from "@/lib/routing/settings-history";
import type { PageQuery } from "@/lib/validation";
import { defaultServiceLevels, SERVICE_LEVELS_KEY } from "./defaults";
import { serviceLevelsSchema, type ServiceLevels } from "./schemas";

/** The service levels in force: the stored ones, or the defaults when none are stored or they no longer read. */
export async function getServiceLevels(handle: DbOrTx = db): Promise<ServiceLevels> {
  const [row] = await handle.select({ value: settings.value }).from(settings).where(eq(settings.key, SERVICE_LEVELS_KEY));
  const parsed = serviceLevelsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultServiceLevels;
}

/** Every admin reads them (they bind every district); GET /api/v1/settings/service-levels. */
export async function readServiceLevels(actor: Actor | null): Promise<ServiceLevels> {
  requirePermission(actor, "serviceLevels.read");
  return getServiceLevels();
}

/**
 * Unscoped admins only (one set for the whole zone; a district admin gets 403): replaces the
 * service levels whole and records the change, before and after, on the audit trail.
 */
export async function updateServiceLevels(actor: Actor | null, input: ServiceLevels): Promise<ServiceLevels> {
  const admin = requirePermission(actor, "serviceLevels.write");
  return db.transaction(async (tx) => {
    const before = await getServiceLevels(tx);
    await tx
      .insert(settings)
      .values({ key: SERVICE_LEVELS_KEY, value: input, updatedBy: admin.userId })
      .onConflictDoUpdate({ target: settings.key, set: { value: input, updatedBy: admin.userId, updatedAt: new Date() } });
    await recordEvent(tx, admin, { type: "settings.changed", entityType: "settings", entityId: SERVICE_LEVELS_KEY, data: { before, after: input } });
    return input;
  });
}

/** The history of changes to the service levels (who, when, before and after), newest first. */
export async function listServiceLevelsHistory(actor: Actor | null, page: PageQuery) {
  requirePermission(actor, "serviceLevels.read");
  const history = await settingsChanges(SERVICE_LEVELS_KEY, page);
  const read = (value: unknown) => {
    const parsed = serviceLevelsSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
  return { ...history, items: history.items.map((item) => ({ ...item, before: read(item.before), after: read(item.after) })) };
}
