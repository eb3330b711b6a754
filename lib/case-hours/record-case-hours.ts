import { db } from "@/db";
import { caseHours } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import type { RequestStatus } from "@/lib/enums";
import { conflict, forbidden, invalidField } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { loadVisibleRequest } from "@/lib/requests/access";
import { lockRequest } from "@/lib/requests/lock";
import { inTransaction } from "@/lib/transaction";
import type { CaseHoursEntry } from "./schemas";

/** Hours are recorded while the expert holds the case: accepted, in progress, or resolved (awaiting the company). */
const OPEN_FOR_HOURS: ReadonlySet<RequestStatus> = new Set(["accepted", "in_progress", "resolved"]);
export const isOpenForHours = (status: RequestStatus) => OPEN_FOR_HOURS.has(status);

/**
 * The assigned expert records hours worked on a case (POST /requests/:id/hours): the day, the
 * minutes (whole half-hours) and a note; they count towards the expert's service hours. Anyone
 * else who can see the request gets 403 (404 for who cannot); a closed case 409; a day in the
 * future or before the expert accepted the case 422. Writes the entry and a "request.hours_recorded"
 * event (the timeline) in one transaction.
 */
export async function recordCaseHours(actor: Actor | null, requestId: string, input: CaseHoursEntry): Promise<{ id: string }> {
  const expert = requirePermission(actor, "caseHours.write");
  const request = await loadVisibleRequest(db, expert, requestId);
  if (!expert.expertId || request.assignedExpertId !== expert.expertId) throw forbidden();
  if (input.workedOn > todayInShanghai()) throw invalidField("workedOn", "dutyFigures.errors.workedOnFuture");
  return inTransaction(async (tx) => {
    const locked = (await lockRequest(tx, request.id))!;
    if (locked.assignedExpertId !== expert.expertId) throw forbidden();
    if (!isOpenForHours(locked.status)) throw conflict("dutyFigures.errors.caseClosed");
    if (locked.acceptedAt && input.workedOn < todayInShanghai(locked.acceptedAt))
      throw invalidField("workedOn", "dutyFigures.errors.workedOnBeforeAccepted");
    const [row] = await tx
      .insert(caseHours)
      .values({ requestId: request.id, expertId: expert.expertId!, workedOn: input.workedOn, minutes: input.minutes, note: input.note ?? null })
      .returning({ id: caseHours.id });
    await recordEvent(tx, expert, {
      type: "request.hours_recorded",
      entityType: "request",
      entityId: request.id,
      requestId: request.id,
      reason: input.note ?? null,
      data: { caseHoursId: row!.id, workedOn: input.workedOn, minutes: input.minutes },
    });
    return { id: row!.id };
  });
}
