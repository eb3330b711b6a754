import { eq } from "drizzle-orm";
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
 * The assigned expert starts work on an accepted case (accepted -> in progress), so the company
 * sees that someone is on it. Other experts get 404; 409 unless the case is "accepted".
 */
export async function startRequest(actor: Actor | null, requestId: string): Promise<{ id: string; status: "in_progress" }> {
  const expert = requirePermission(actor, "request.resolve");
  const request = await loadVisibleRequest(db, expert, requestId);
  if (!expert.expertId || request.assignedExpertId !== expert.expertId) throw notFound();
  await inTransaction(async (tx) => {
    await applyTransition(tx, expert, request.id, "start", { where: eq(requests.assignedExpertId, expert.expertId!) });
    await notify(tx, {
      userIds: await audienceOf(tx, "request.start", request),
      kind: "request.status",
      requestId: request.id,
      data: { title: request.title, status: "in_progress" },
    });
  });
  return { id: request.id, status: "in_progress" };
}
