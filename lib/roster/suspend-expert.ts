import type { Actor } from "@/lib/authz";
import type { ReasonInput } from "./schemas";
import { changeExpertStatus } from "./change-expert-status";

/**
 * An admin suspends an active expert, with a reason: the expert leaves the directory and matching
 * at once (cases already accepted stay with them; offers still pending go to the next candidate).
 * 409 unless the expert is active.
 */
export function suspendExpert(actor: Actor | null, expertId: string, input: ReasonInput) {
  return changeExpertStatus(
    actor,
    expertId,
    { permission: "expert.suspend", from: ["active"], to: "suspended", eventType: "expert.suspended", leavesMatching: true },
    input.reason,
  );
}
