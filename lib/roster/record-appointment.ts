import type { Tx } from "@/db";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";

/**
 * Records a term in the appointment history, puts it on the audit trail and tells the expert
 * (inbox and e-mail), inside the caller's transaction.
 */
export async function recordAppointment(
  tx: Tx,
  actor: Actor,
  input: {
    expertId: string;
    expertUserId: string;
    kind: "appoint" | "renew";
    termStart: string;
    termEnd: string;
    termYears: number;
    reason: string;
    applicationId?: string;
    /** More to keep on the audit trail (a renewal despite an incompetent appraisal: its reason). */
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(appointments).values({
    expertId: input.expertId,
    termStart: input.termStart,
    termEnd: input.termEnd,
    kind: input.kind,
    decidedBy: actor.userId,
    reason: input.reason,
  });
  await recordEvent(tx, actor, {
    type: input.kind === "appoint" ? "expert.appointed" : "expert.renewed",
    entityType: "expert",
    entityId: input.expertId,
    reason: input.reason,
    data: {
      termStart: input.termStart,
      termEnd: input.termEnd,
      termYears: input.termYears,
      ...(input.applicationId ? { applicationId: input.applicationId } : {}),
      ...input.data,
    },
  });
  await notify(tx, {
    userIds: [input.expertUserId],
    kind: "expert.appointed",
    data: { kind: input.kind, termEnd: input.termEnd, reason: input.reason },
  });
}
