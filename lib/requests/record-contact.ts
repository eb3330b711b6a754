import { db } from "@/db";
import { requestContacts } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime } from "@/lib/clock";
import { conflict, forbidden, invalidField } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { inTransaction } from "@/lib/transaction";
import { loadVisibleRequest } from "./access";
import { lockRequest } from "./lock";
import type { RecordContactInput } from "./schemas";

/**
 * The assigned expert records a contact with the company (POST /requests/:id/contact): when, how,
 * and a note; the earliest is the first contact the service level counts. Anyone else who can see
 * the request gets 403 (404 for who cannot); 409 unless the case is accepted or in progress; 422 for
 * a moment in the future or before the expert accepted.
 */
export async function recordContact(actor: Actor | null, requestId: string, input: RecordContactInput): Promise<{ id: string }> {
  const expert = requirePermission(actor, "request.contact");
  const request = await loadVisibleRequest(db, expert, requestId);
  if (!expert.expertId || request.assignedExpertId !== expert.expertId) throw forbidden();
  if (input.at.getTime() > currentTime().getTime() + 60_000) throw invalidField("at", "requests.errors.contactInFuture");
  return inTransaction(async (tx) => {
    const locked = (await lockRequest(tx, request.id))!;
    if (locked.assignedExpertId !== expert.expertId) throw forbidden();
    if (locked.status !== "accepted" && locked.status !== "in_progress") throw conflict("requests.errors.contactNotActive");
    if (locked.acceptedAt && input.at < locked.acceptedAt) throw invalidField("at", "requests.errors.contactBeforeAccepted");
    const [row] = await tx
      .insert(requestContacts)
      .values({ requestId: request.id, expertId: expert.expertId!, contactedAt: input.at, method: input.method, note: input.note ?? null })
      .returning({ id: requestContacts.id });
    await recordEvent(tx, expert, {
      type: "request.contacted",
      entityType: "request",
      entityId: request.id,
      requestId: request.id,
      reason: input.note ?? null,
      data: { contactId: row!.id, method: input.method, at: input.at.toISOString() },
    });
    return { id: row!.id };
  });
}
