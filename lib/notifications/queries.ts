import { and, count, desc, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { notifications, requests } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import type { PageQuery } from "@/lib/validation";

/** The actor's own notifications, newest first, with the request's current title. */
export async function listNotifications(actor: Actor, options: { unreadOnly?: boolean }, page: PageQuery) {
  const reader = requirePermission(actor, "notification.read");
  const where = and(eq(notifications.userId, reader.userId), options.unreadOnly ? isNull(notifications.readAt) : undefined);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        requestId: notifications.requestId,
        requestTitle: requests.title,
        caseNumber: requests.caseNumber,
        data: notifications.data,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .leftJoin(requests, eq(requests.id, notifications.requestId))
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return {
    items: items.map((i) => ({ ...i, data: i.data as Record<string, unknown> | null })),
    page: page.page,
    pageSize: page.pageSize,
    total: total?.n ?? 0,
  };
}
export type NotificationItem = Awaited<ReturnType<typeof listNotifications>>["items"][number];

/** How many of the actor's notifications are unread (for the header and the inbox). */
export async function unreadCount(actor: Actor): Promise<number> {
  const reader = requirePermission(actor, "notification.read");
  return db.$count(notifications, and(eq(notifications.userId, reader.userId), isNull(notifications.readAt)));
}
