import { and, eq, notInArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { disputes, requests } from "@/db/schema";
import { closedDisputeStatuses } from "@/db/schema/enums";
import { requirePermission, type Actor } from "@/lib/authz";
import { AppError, notFound } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/queue";
import { notify } from "@/lib/notifications/notify";
import { filerUserIds, loadVisibleRequest } from "./access";
import { AUTO_CLOSE_DAYS } from "./auto-close";
import { applyTransition } from "./state-machine";

const openDisputes = (requestId: string) =>
  db.$count(disputes, and(eq(disputes.requestId, requestId), notInArray(disputes.status, [...closedDisputeStatuses])));

/**
 * The assigned expert resolves the case with an outcome summary. Other experts get 404; 409 while
 * any dispute of the request is still open (a request without disputes can be resolved) or when
 * the case is not accepted / in progress. The open-dispute guard is part of the same UPDATE, so a
 * dispute opened at the same moment cannot slip through. Schedules the automatic closure.
 */
export async function resolveRequest(actor: Actor | null, requestId: string, summary: string): Promise<{ id: string; status: "resolved" }> {
  const expert = requirePermission(actor, "request.resolve");
  const request = await loadVisibleRequest(db, expert, requestId);
  if (!expert.expertId || request.assignedExpertId !== expert.expertId) throw notFound();
  if ((await openDisputes(request.id)) > 0) throw new AppError("conflict", "requests.errors.openDisputes");
  const noOpenDispute = sql`not exists (select 1 from ${disputes} where ${disputes.requestId} = ${requests.id} and ${notInArray(disputes.status, [...closedDisputeStatuses])})`;
  await db.transaction(async (tx) => {
    await applyTransition(tx, expert, request.id, "resolve", {
      reason: summary,
      set: { resolutionSummary: summary, resolvedAt: sql`now()` },
      where: and(eq(requests.assignedExpertId, expert.expertId!), noOpenDispute),
    });
    await enqueue(
      tx,
      "request.autoClose",
      { requestId: request.id },
      {
        startAfter: new Date(Date.now() + AUTO_CLOSE_DAYS * 86_400_000 + 60_000),
        singletonKey: `request.autoClose:${request.id}`,
      },
    );
    await notify(tx, {
      userIds: await filerUserIds(tx, request),
      kind: "request.status",
      requestId: request.id,
      data: { title: request.title, status: "resolved" },
    });
  });
  return { id: request.id, status: "resolved" };
}
