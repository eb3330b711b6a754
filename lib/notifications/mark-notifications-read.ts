import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { notifications } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";

/**
 * Marks the actor's own notifications read: the given ids, or all of them. Someone else's ids
 * are ignored (they match nothing). Returns how many changed.
 */
export async function markNotificationsRead(actor: Actor | null, ids: string[] | "all"): Promise<number> {
  const reader = requirePermission(actor, "notification.read");
  if (ids !== "all" && !ids.length) return 0;
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, reader.userId), isNull(notifications.readAt), ids === "all" ? undefined : inArray(notifications.id, ids)))
    .returning({ id: notifications.id });
  return rows.length;
}
