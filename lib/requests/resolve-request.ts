import { and, eq, notInArray, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { disputes, requests } from "@/db/schema";
import { closedDisputeStatuses } from "@/lib/enums";
import { requirePermission, type Actor } from "@/lib/authz";
import { AppError, notFound } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/queue";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { loadVisibleRequest } from "./access";
import { AUTO_CLOSE_DAYS } from "./auto-close";
import { lockRequest } from "./lock";
import { applyTransition } from "./state-machine";

const openDisputes = (tx: Tx, requestId: string) =>
  tx.$count(disputes, and(eq(disputes.requestId, requestId), notInArray(disputes.status, [...closedDisputeStatuses])));

/**
 * The assigned expert resolves the case with an outcome summary. Other experts get 404; 409 while
 * any dispute of the request is still open (a request without disputes can be resolved) or when
 * the case is not accepted / in progress. The request's row lock is taken before the disputes are
 * counted: opening a dispute takes the same lock, so one opened at the same moment is either
 * counted here or refused there. Schedules the automatic closure.
 */
export async function resolveRequest(actor: Actor | null, requestId: string, summary: string): Promise<{ id: string; status: "resolved" }> {
  const expert = requirePermission(actor, "request.resolve");
  const request = await loadVisibleRequest(db, expert, requestId);
  if (!expert.expertId || request.assignedExpertId !== expert.expertId) throw notFound();
  await inTransaction(async (tx) => {
    await lockRequest(tx, request.id);
    if ((await openDisputes(tx, request.id)) > 0) throw new AppError("conflict", "requests.errors.openDisputes");
    await applyTransition(tx, expert, request.id, "resolve", {
      reason: summary,
      set: { resolutionSummary: summary, resolvedAt: sql`now()` },
      where: eq(requests.assignedExpertId, expert.expertId!),
    });
    await enqueue(
      tx,
      "request.auto-close",
      { requestId: request.id },
      {
        startAfter: new Date(Date.now() + AUTO_CLOSE_DAYS * 86_400_000 + 60_000),
        singletonKey: `request.auto-close:${request.id}`,
      },
    );
    await notify(tx, {
      userIds: await audienceOf(tx, "request.resolve", request),
      kind: "request.status",
      requestId: request.id,
      data: { title: request.title, status: "resolved" },
    });
  });
  return { id: request.id, status: "resolved" };
}
