import { and, count, desc, eq } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { events, settings, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { recordEvent } from "@/lib/events/record-event";
import type { PageQuery } from "@/lib/validation";
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
  const where = and(eq(events.entityType, "settings"), eq(events.entityId, ROUTING_SETTINGS_KEY));
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: events.id, at: events.at, actorName: users.name, data: events.data })
      .from(events)
      .leftJoin(users, eq(users.id, events.actorUserId))
      .where(where)
      .orderBy(desc(events.at), desc(events.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(events).where(where),
  ]);
  const items = rows.map((r) => {
    const data = (r.data ?? {}) as { before?: unknown; after?: unknown };
    const before = routingSettingsSchema.safeParse(data.before);
    const after = routingSettingsSchema.safeParse(data.after);
    return { id: r.id, at: r.at, actorName: r.actorName, before: before.success ? before.data : null, after: after.success ? after.data : null };
  });
  return { items, page: page.page, pageSize: page.pageSize, total: total?.n ?? 0 };
}
