import { sql } from "drizzle-orm";
import { db } from "@/db";
import { inTransaction } from "@/lib/transaction";
import type { RequestStatus } from "@/lib/enums";
import { requirePermission, type Actor } from "@/lib/authz";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { loadVisibleRequest } from "./access";
import { reclassifyRequest } from "./reclassify-request";
import type { TriageInput } from "./schemas";
import { applyTransition } from "./state-machine";

/**
 * An admin decides on a submitted request: accept it for routing (triaged), return it to the
 * filer saying what is missing, or reject it with a reason and a referral (for example the
 * court's mediation centre or a legal-aid office). Admins only (403), within their region (404);
 * 409 unless the request is "submitted". Writes the decision, its event and the filer's
 * notification in one transaction. The admin may correct the category and specialties at the same
 * time (422 for an unknown code); what changed goes with the decision's event (`reclassified`).
 */
export async function triageRequest(actor: Actor | null, requestId: string, input: TriageInput): Promise<{ id: string; status: RequestStatus }> {
  const admin = requirePermission(actor, "request.triage");
  const request = await loadVisibleRequest(db, admin, requestId);
  const reason = input.reason ?? null;
  return inTransaction(async (tx) => {
    const reclassified = await reclassifyRequest(tx, request.id, { category: input.category, specialties: input.specialties });
    const data = reclassified ? { reclassified } : {};
    const { to } =
      input.decision === "accept"
        ? await applyTransition(tx, admin, request.id, "triage", { reason, set: { triagedAt: sql`now()`, statusReason: null }, data })
        : input.decision === "return"
          ? await applyTransition(tx, admin, request.id, "return", { reason, set: { statusReason: reason }, data })
          : await applyTransition(tx, admin, request.id, "reject", {
              reason,
              set: { statusReason: reason, referral: input.referral ?? null, triagedAt: sql`now()` },
              data: { referral: input.referral ?? null, ...data },
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
