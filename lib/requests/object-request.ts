import { eq } from "drizzle-orm";
import { db } from "@/db";
import { requests } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { loadVisibleRequest } from "./access";
import { applyTransition } from "./state-machine";

/**
 * The filing enterprise does not accept the outcome ("不同意结果") and says why: the resolved case
 * goes back to its expert (in progress), its resolution time is cleared (so it does not close by
 * itself), and the expert and the district's admins are told. Other companies get 404; 409 unless
 * the request is "resolved". The reason is on the timeline.
 */
export async function objectToOutcome(actor: Actor | null, requestId: string, reason: string): Promise<{ id: string; status: "in_progress" }> {
  const enterprise = requirePermission(actor, "request.confirm");
  const request = await loadVisibleRequest(db, enterprise, requestId);
  if (!enterprise.enterpriseId || request.enterpriseId !== enterprise.enterpriseId) throw notFound();
  await inTransaction(async (tx) => {
    await applyTransition(tx, enterprise, request.id, "object", {
      reason,
      set: { resolvedAt: null },
      where: eq(requests.enterpriseId, enterprise.enterpriseId!),
    });
    await notify(tx, {
      userIds: await audienceOf(tx, "request.object", request, enterprise.userId),
      kind: "request.objected",
      requestId: request.id,
      data: { title: request.title, reason },
    });
  });
  return { id: request.id, status: "in_progress" };
}
