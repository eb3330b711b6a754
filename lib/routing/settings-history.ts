import { and, count, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { events, users } from "@/db/schema";
import type { PageQuery } from "@/lib/validation";

/**
 * One page of the changes to a zone-wide setting (the "settings" events of its key): who, when,
 * and the stored before and after, newest first. The caller checks who may read it and reads the values.
 */
export async function settingsChanges(key: string, page: PageQuery) {
  const where = and(eq(events.entityType, "settings"), eq(events.entityId, key));
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
  const items = rows.map(({ data, ...row }) => {
    const { before, after } = (data ?? {}) as { before?: unknown; after?: unknown };
    return { ...row, before, after };
  });
  return { items, page: page.page, pageSize: page.pageSize, total: total?.n ?? 0 };
}
