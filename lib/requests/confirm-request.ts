import { and, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type DbOrTx } from "@/db";
import { inTransaction } from "@/lib/transaction";
import { recoveries, requests } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { AppError, notFound } from "@/lib/errors";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { loadVisibleRequest } from "./access";
import { lockRequest } from "./lock";
import { applyTransition } from "./state-machine";

const reversal = alias(recoveries, "reversal");

/**
 * How many of the request's ledger entries the company queried and nobody has settled since: the
 * query stands until the company answers the entry again (confirms it) or the entry is reversed.
 */
export async function openQueryCount(handle: DbOrTx, requestId: string): Promise<number> {
  const [row] = await handle
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveries)
    .leftJoin(reversal, eq(reversal.reversesId, recoveries.id))
    .where(and(eq(recoveries.requestId, requestId), eq(recoveries.enterpriseResponse, "queried"), isNull(reversal.id)));
  return row?.n ?? 0;
}

/** The open queries of a request the actor may see (404 otherwise), for the closing form. */
export async function openQueriesOf(actor: Actor, requestId: string): Promise<number> {
  const request = await loadVisibleRequest(db, actor, requestId);
  return openQueryCount(db, request.id);
}

/**
 * The filing enterprise confirms the outcome and rates the service (1-5, with a comment), which
 * closes the request. Other companies get 404; 409 unless the request is "resolved". While one of
 * its ledger entries is queried, 409 (`requests.errors.openQueries`) unless the company closes
 * anyway (`closeDespiteQueries`), which the closing event records. The request's row is locked
 * before the queries are counted (answering an entry takes the same lock). The expert and the
 * admins are told.
 */
export async function confirmRequest(
  actor: Actor | null,
  requestId: string,
  input: { rating: number; comment?: string; closeDespiteQueries?: boolean },
): Promise<{ id: string; status: "closed"; rating: number }> {
  const enterprise = requirePermission(actor, "request.confirm");
  const request = await loadVisibleRequest(db, enterprise, requestId);
  if (!enterprise.enterpriseId) throw notFound();
  await inTransaction(async (tx) => {
    await lockRequest(tx, request.id);
    const openQueries = await openQueryCount(tx, request.id);
    if (openQueries > 0 && !input.closeDespiteQueries) {
      throw new AppError("conflict", "requests.errors.openQueries", { fields: { closeDespiteQueries: "requests.errors.openQueries" } });
    }
    const despiteQueries = openQueries > 0 ? { despiteQueries: true, openQueries } : {};
    await applyTransition(tx, enterprise, request.id, "close", {
      reason: input.comment ?? null,
      set: { rating: input.rating, ratingComment: input.comment ?? null, closedAt: sql`now()` },
      where: eq(requests.enterpriseId, enterprise.enterpriseId!),
      data: { rating: input.rating, ...despiteQueries },
    });
    await notify(tx, {
      userIds: await audienceOf(tx, "request.close", request, enterprise.userId),
      kind: "request.status",
      requestId: request.id,
      data: { title: request.title, status: "closed", rating: input.rating, ...(openQueries > 0 ? { despiteQueries: true } : {}) },
    });
  });
  return { id: request.id, status: "closed", rating: input.rating };
}
