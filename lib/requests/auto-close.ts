import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { requests } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { applyTransition } from "./state-machine";

/** A resolved request the enterprise has not confirmed closes itself after this many days. */
export const AUTO_CLOSE_DAYS = 14;

const isDue = sql`${requests.resolvedAt} <= now() - make_interval(days => ${AUTO_CLOSE_DAYS})`;

/**
 * Job: closes one resolved request once its confirmation period is over. Idempotent: a request
 * already closed (confirmed by the enterprise, or by an earlier run) is left alone, and one that
 * is not yet due stays resolved. Returns whether it closed the request.
 */
export async function autoCloseRequest({ requestId }: { requestId: string }): Promise<boolean> {
  const [due] = await db
    .select({
      id: requests.id,
      title: requests.title,
      enterpriseId: requests.enterpriseId,
      stationId: requests.stationId,
      assignedExpertId: requests.assignedExpertId,
    })
    .from(requests)
    .where(and(eq(requests.id, requestId), eq(requests.status, "resolved"), isDue));
  if (!due) return false;
  try {
    await db.transaction(async (tx) => {
      await applyTransition(tx, null, due.id, "close", { set: { closedAt: sql`now()` }, where: isDue, data: { automatic: true } });
      await notify(tx, {
        userIds: await audienceOf(tx, "request.close", due),
        kind: "request.status",
        requestId: due.id,
        data: { title: due.title, status: "closed", automatic: true },
      });
    });
    return true;
  } catch (error) {
    // Confirmed by the enterprise between the read and the update: nothing left to do.
    if (error instanceof AppError && error.code === "conflict") return false;
    throw error;
  }
}

/**
 * Closes every resolved request that is past its confirmation period (a safety net for jobs that
 * were lost or scheduled before a restart). Returns how many it closed.
 */
export async function closeOverdueResolvedRequests(limit = 500): Promise<number> {
  const rows = await db
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.status, "resolved"), isDue))
    .limit(limit);
  let closed = 0;
  for (const row of rows) if (await autoCloseRequest({ requestId: row.id })) closed += 1;
  return closed;
}
