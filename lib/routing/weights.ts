import { eq } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { settings } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { recordEvent } from "@/lib/events/record-event";
import type { PageQuery } from "@/lib/validation";
import { settingsChanges } from "./settings-history";
import { routingSettingsSchema, type RoutingSettings } from "./schemas";

export { scorePartNames, type ScorePartName, type Weights } from "./parts";

export const ROUTING_SETTINGS_KEY = "routing";

/** What the law society starts with; tuned with `npm run simulate` (fair rotation and load matter). */
export const defaultRoutingSettings: RoutingSettings = {
  weights: { specialty: 30, region: 20, load: 15, languageMode: 10, trackRecord: 10, rotation: 15 },
  deadlines: { normalHours: 48, urgentHours: 12 },
};

/** The routing settings in force: the stored ones, or the defaults for anything never set. */
export async function getRoutingSettings(handle: DbOrTx = db): Promise<RoutingSettings> {
  const [row] = await handle.select({ value: settings.value }).from(settings).where(eq(settings.key, ROUTING_SETTINGS_KEY));
  return routingSettingsFrom(row?.value);
}

/** The routing settings from the stored value (or the defaults when there is none or it is unreadable). */
export function routingSettingsFrom(stored: unknown): RoutingSettings {
  const parsed = routingSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultRoutingSettings;
}

/**
 * Unscoped admins only (routing.settings is zone-wide: one set for all three districts). Replaces
 * the routing weights and deadlines and records the change (before and after) on the audit trail, in
 * one transaction. Throws 403 for other roles and for an admin of one district.
 */
export async function updateRoutingSettings(actor: Actor | null, input: RoutingSettings): Promise<RoutingSettings> {
  const admin = requirePermission(actor, "routing.settings");
  return db.transaction(async (tx) => {
    const before = await getRoutingSettings(tx);
    await tx
      .insert(settings)
      .values({ key: ROUTING_SETTINGS_KEY, value: input, updatedBy: admin.userId })
      .onConflictDoUpdate({ target: settings.key, set: { value: input, updatedBy: admin.userId, updatedAt: new Date() } });
    await recordEvent(tx, admin, {
      type: "settings.changed",
      entityType: "settings",
      entityId: ROUTING_SETTINGS_KEY,
      data: { before, after: input },
    });
    return input;
  });
}

/** Unscoped admins only: the history of changes to the routing settings (who, when, before and after), newest first. */
export async function listRoutingSettingsHistory(actor: Actor | null, page: PageQuery) {
  requirePermission(actor, "routing.settings");
  const history = await settingsChanges(ROUTING_SETTINGS_KEY, page);
  const read = (value: unknown) => {
    const parsed = routingSettingsSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
  return { ...history, items: history.items.map((item) => ({ ...item, before: read(item.before), after: read(item.after) })) };
}
