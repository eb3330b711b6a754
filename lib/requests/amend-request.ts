import { db } from "@/db";
import { inTransaction } from "@/lib/transaction";
import { requirePermission, type Actor } from "@/lib/authz";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { loadVisibleRequest } from "./access";
import { checkRequestReferences, requestColumns, writeRequestDetails } from "./request-details";
import type { AmendRequestInput } from "./schemas";
import { applyTransition } from "./state-machine";

/**
 * The filer amends a request that was returned for more information and submits it again.
 * Enterprise or station of the request only (others: 403 or 404); 409 unless it is "returned";
 * 422 for unknown references. Rewrites the fields, specialties and counterparties, records the
 * "resubmit" event and tells the admins, in one transaction.
 */
export async function amendRequest(actor: Actor | null, input: AmendRequestInput): Promise<{ id: string; status: "submitted" }> {
  const filer = requirePermission(actor, "request.amend");
  const request = await loadVisibleRequest(db, filer, input.requestId);
  await inTransaction(async (tx) => {
    await checkRequestReferences(tx, input);
    await applyTransition(tx, filer, request.id, "resubmit", {
      reason: input.note ?? null,
      set: { ...requestColumns(input), statusReason: null },
    });
    await writeRequestDetails(tx, request.id, input, { replace: true });
    await notify(tx, {
      userIds: await audienceOf(tx, "request.submitted", request),
      kind: "request.submitted",
      requestId: request.id,
      data: { title: input.title },
    });
  });
  return { id: request.id, status: "submitted" };
}
