import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { inTransaction } from "@/lib/transaction";
import { requests } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { loadVisibleRequest } from "./access";
import { applyTransition } from "./state-machine";

/**
 * The filing enterprise confirms the outcome and rates the service (1-5, with a comment), which
 * closes the request. Other companies get 404; 409 unless the request is "resolved". The expert
 * and the admins are told.
 */
export async function confirmRequest(
  actor: Actor | null,
  requestId: string,
  input: { rating: number; comment?: string },
): Promise<{ id: string; status: "closed"; rating: number }> {
  const enterprise = requirePermission(actor, "request.confirm");
  const request = await loadVisibleRequest(db, enterprise, requestId);
  if (!enterprise.enterpriseId) throw notFound();
  await inTransaction(async (tx) => {
    await applyTransition(tx, enterprise, request.id, "close", {
      reason: input.comment ?? null,
      set: { rating: input.rating, ratingComment: input.comment ?? null, closedAt: sql`now()` },
      where: eq(requests.enterpriseId, enterprise.enterpriseId!),
      data: { rating: input.rating },
    });
    await notify(tx, {
      userIds: await audienceOf(tx, "request.close", request, enterprise.userId),
      kind: "request.status",
      requestId: request.id,
      data: { title: request.title, status: "closed", rating: input.rating },
    });
  });
  return { id: request.id, status: "closed", rating: input.rating };
}
