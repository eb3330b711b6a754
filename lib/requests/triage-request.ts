import { sql } from "drizzle-orm";
import { db } from "@/db";
import { inTransaction } from "@/lib/transaction";
import type { RequestStatus } from "@/lib/enums";
import { requirePermission, type Actor } from "@/lib/authz";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { loadVisibleRequest } from "./access";
import type { TriageInput } from "./schemas";
import { applyTransition } from "./state-machine";

/**
 * An admin decides on a submitted request: accept it for routing (triaged), return it to the
 * filer saying what is missing, or reject it with a reason and a referral (for example the
 * court's mediation centre or a legal-aid office). Admins only (403), within their region (404);
 * 409 unless the request is "submitted". Writes the decision, its event and the filer's
 * notification in one transaction.
 */
export async function triageRequest(actor: Actor | null, requestId: string, input: TriageInput): Promise<{ id: string; status: RequestStatus }> {
  const admin = requirePermission(actor, "request.triage");
  const request = await loadVisibleRequest(db, admin, requestId);
  const reason = input.reason ?? null;
  return inTransaction(async (tx) => {
    const { to } =
      input.decision === "accept"
        ? await applyTransition(tx, admin, request.id, "triage", { reason, set: { triagedAt: sql`now()`, statusReason: null } })
        : input.decision === "return"
          ? await applyTransition(tx, admin, request.id, "return", { reason, set: { statusReason: reason } })
          : await applyTransition(tx, admin, request.id, "reject", {
              reason,
              set: { statusReason: reason, referral: input.referral ?? null, triagedAt: sql`now()` },
              data: { referral: input.referral ?? null },
            });
    await notify(tx, {
      userIds: await audienceOf(tx, input.decision === "accept" ? "request.triage" : `request.${input.decision}`, request),
      kind: input.decision === "return" ? "request.returned" : "request.status",
      requestId: request.id,
      data: { title: request.title, status: to, reason, referral: input.referral ?? null },
    });
    return { id: request.id, status: to };
  });
}
